import { setLocaleCookie } from '$lib/server/http/locale-cookie';
import { redirect } from '@sveltejs/kit';
import { login } from '$lib/server/auth/login';
import * as signIn from '$lib/server/modules/sign-in';
import { formValues, isRefused, runForm } from '$lib/server/http/form-failure';
import { setSessionCookie } from '$lib/server/http/session-cookie';
import { safeRedirectTarget } from '$lib/server/http/redirect-target';
import { t } from '$lib/server/i18n';

export const load = async ({ locals, url }) => {
	const next = safeRedirectTarget(url.searchParams.get('naar'), url);
	if (locals.authStage === 'ok') redirect(303, next);
	// A sign-in at a municipality's provider that was refused comes back here with its reason.
	const refusalKey = signIn.refusalMessageKey(url.searchParams.get('inlogfout'));
	return { next, choices: await signIn.signInChoices(locals.db), refusal: refusalKey ? t(refusalKey) : null };
};

export const actions = {
	default: async (event) => {
		const values = await formValues(event.request);
		const result = await runForm(() => login(event.locals.db, values, event.locals.origin), { email: values.email });
		if (isRefused(result)) return result;
		setSessionCookie(event, result.token, result.session.expiresAt);
		setLocaleCookie(event, result.locale);
		const next = safeRedirectTarget(values.naar, event.url);
		redirect(303, result.needsTwoFactor ? `/inloggen/tweestaps?naar=${encodeURIComponent(next)}` : next);
	}
};
