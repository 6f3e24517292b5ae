import { setLocaleCookie } from '$lib/server/http/locale-cookie';
import { isLocale } from '$lib/paraglide/runtime';
import { redirect } from '@sveltejs/kit';
import { formValues } from '$lib/server/http/form-failure';
import { safeRedirectTarget } from '$lib/server/http/redirect-target';
import { changeLocale } from '$lib/server/modules/account';

/** Switches the interface language (a plain form post, so it works without JavaScript); remembered on the account. */
export const POST = async (event) => {
	const { locals, url } = event;
	const values = await formValues(event.request);
	const locale = String(values.locale);
	if (isLocale(locale)) {
		setLocaleCookie(event, locale);
		if (locals.actor && locals.authStage === 'ok') await changeLocale(locals.db, locals.actor, { locale }, locals.origin);
	}
	redirect(303, safeRedirectTarget(values.naar, url));
};
