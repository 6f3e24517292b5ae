import type { Cookies } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, isLocale } from '../../paraglide/runtime.js';

/** Remembers the interface language in paraglide's cookie (readable by the client runtime too). */
export function setLocaleCookie(cookies: Cookies, locale: string): void {
	if (!isLocale(locale)) return;
	cookies.set(cookieName, locale, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax' });
}
