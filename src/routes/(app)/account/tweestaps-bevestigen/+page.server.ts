import { error, redirect } from '@sveltejs/kit';
import { confirmTwoFactor } from '$lib/server/auth/two-factor-step-up';
import * as signIn from '$lib/server/modules/sign-in';
import { formValues, isRefused, runForm } from '$lib/server/http/form-failure';
import { safeRedirectTarget } from '$lib/server/http/redirect-target';
import { t } from '$lib/server/i18n';

/**
 * "Confirm again": other pages send people here (`?naar=`) when an action needs a recent second factor. A code
 * from the app, or a fresh login at a municipality's provider the person is linked to (refused: `?inlogfout=`).
 */
export const load = async ({ locals, url }) => {
	const refusalKey = signIn.refusalMessageKey(url.searchParams.get('inlogfout'));
	return {
		next: safeRedirectTarget(url.searchParams.get('naar'), url),
		enabled: !!locals.user?.totpEnabledAt,
		providers: locals.user ? await signIn.stepUpChoices(locals.db, locals.user.id) : [],
		refusal: refusalKey ? t(refusalKey) : null
	};
};

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
