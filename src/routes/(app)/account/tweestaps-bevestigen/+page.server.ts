import { error, redirect } from '@sveltejs/kit';
import { confirmTwoFactor } from '$lib/server/auth/two-factor-step-up';
import { formValues, isRefused, runForm } from '$lib/server/http/form-failure';
import { safeRedirectTarget } from '$lib/server/http/redirect-target';

/** "Confirm again": other pages send people here (`?naar=`) when an action needs a recent second factor. */
export const load = ({ locals, url }) => ({
	next: safeRedirectTarget(url.searchParams.get('naar'), url),
	enabled: !!locals.user?.totpEnabledAt
});

export const actions = {
	default: async ({ request, locals, url }) => {
		if (!locals.actor || !locals.authSession) error(401);
		const values = await formValues(request);
		const { actor, authSession } = locals;
		const refused = await runForm(() => confirmTwoFactor(locals.db, actor, authSession.id, values, locals.origin));
		if (isRefused(refused)) return refused;
		redirect(303, safeRedirectTarget(values.naar, url));
	}
};
