import { setLocaleCookie } from '$lib/server/http/locale-cookie';
import { isLocale } from '$lib/paraglide/runtime';
import { redirect } from '@sveltejs/kit';
import { safeRedirectTarget } from '$lib/server/http/redirect-target';
import { changeLocale } from '$lib/server/modules/account';

/** Switches the interface language (a plain form post, so it works without JavaScript); remembered on the account. */
export const POST = async ({ request, cookies, locals }) => {
	const data = await request.formData();
	const locale = String(data.get('locale'));
	if (isLocale(locale)) {
		setLocaleCookie(cookies, locale);
		if (locals.actor && locals.authStage === 'ok') await changeLocale(locals.db, locals.actor, { locale }, locals.origin);
	}
	redirect(303, safeRedirectTarget(String(data.get('naar') ?? '/')));
};
