import type { RequestEvent } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, isLocale } from '../../paraglide/runtime.js';
import { secureCookie } from './cookie-security';

/** Remembers the interface language in paraglide's cookie (readable by the client runtime too). */
export function setLocaleCookie(event: Pick<RequestEvent, 'cookies' | 'url'>, locale: string): void {
	if (!isLocale(locale)) return;
	event.cookies.set(cookieName, locale, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax', secure: secureCookie(event.url) });
}
