import { error } from '@sveltejs/kit';
import { beginTwoFactorEnrolment, confirmTwoFactorEnrolment } from '$lib/server/auth/two-factor-enrolment';
import { qrCodeDataUri } from '$lib/server/auth/qr-code';
import { formValues, runForm } from '$lib/server/http/form-failure';
import { safeRedirectTarget } from '$lib/server/http/redirect-target';
import { secureCookie } from '$lib/server/http/cookie-security';

// The key waits in an HttpOnly cookie (encrypted, bound to the user) until confirmed, so a reload or a
// wrong code keeps the QR code the person already scanned.
const PENDING_COOKIE = 'rp_totp_pending';
const cookieOptions = { path: '/account/tweestaps-instellen', httpOnly: true, sameSite: 'lax', maxAge: 30 * 60 } as const;

export const load = async ({ locals, cookies, url, setHeaders }) => {
	const user = locals.user;
	if (!user) error(401);
	setHeaders({ 'cache-control': 'no-store' });
	const next = safeRedirectTarget(url.searchParams.get('naar'), url);
	const required = locals.authStage === 'two_factor_setup';
	if (user.totpEnabledAt) return { enabled: true as const, next, required };
	const enrolment = beginTwoFactorEnrolment(user, cookies.get(PENDING_COOKIE));
	cookies.set(PENDING_COOKIE, enrolment.pending, { ...cookieOptions, secure: secureCookie(url) });
	return { enabled: false as const, next, required, keyText: enrolment.keyText, qr: await qrCodeDataUri(enrolment.uri) };
};

export const actions = {
	default: async ({ request, locals, cookies, url }) => {
		if (!locals.actor || !locals.authSession) error(401);
		const values = await formValues(request);
		const { actor, authSession } = locals;
		return runForm(async () => {
			const pending = cookies.get(PENDING_COOKIE);
			const recoveryCodes = await confirmTwoFactorEnrolment(locals.db, actor, authSession.id, { code: values.code, pending }, locals.origin);
			cookies.delete(PENDING_COOKIE, { path: cookieOptions.path, secure: secureCookie(url) });
			return { recoveryCodes };
		});
	}
};
