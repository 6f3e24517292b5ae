import { redirect } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime';
import { safeRedirectTarget } from '$lib/server/http/redirect-target';

/** Switches the interface language (a plain form post, so it works without JavaScript). */
export const POST = async ({ request, cookies }) => {
	const data = await request.formData();
	const locale = String(data.get('locale'));
	if (isLocale(locale)) {
		cookies.set(cookieName, locale, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax' });
	}
	redirect(303, safeRedirectTarget(String(data.get('naar') ?? '/')));
};
