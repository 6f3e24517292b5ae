import { redirect } from '@sveltejs/kit';
import { verifyTwoFactorLogin } from '$lib/server/auth/two-factor-login';
import { formValues, isRefused, runForm } from '$lib/server/http/form-failure';
import { safeRedirectTarget } from '$lib/server/http/redirect-target';

export const load = ({ locals, url }) => {
	const next = safeRedirectTarget(url.searchParams.get('naar'), url);
	if (locals.authStage === 'ok') redirect(303, next);
	if (locals.authStage === 'two_factor_setup') redirect(303, '/account/tweestaps-instellen');
	return { next };
};

export const actions = {
	default: async ({ request, locals, url }) => {
		const values = await formValues(request);
		if (!locals.actor || !locals.authSession) redirect(303, '/inloggen');
		const { actor, authSession } = locals;
		const refused = await runForm(() => verifyTwoFactorLogin(locals.db, actor, authSession.id, values, locals.origin));
		if (isRefused(refused)) return refused;
		redirect(303, safeRedirectTarget(values.naar, url));
	}
};
