import type { RequestEvent } from '@sveltejs/kit';
import { SESSION_COOKIE } from '../auth/authenticate';
import { secureCookie } from './cookie-security';

/** HttpOnly, SameSite=Lax, Secure whenever the site is served over HTTPS. */
export function setSessionCookie(event: Pick<RequestEvent, 'cookies' | 'url'>, token: string, expiresAt: Date): void {
	event.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: secureCookie(event.url),
		expires: expiresAt
	});
}

export function clearSessionCookie(event: Pick<RequestEvent, 'cookies' | 'url'>): void {
	event.cookies.delete(SESSION_COOKIE, { path: '/', secure: secureCookie(event.url) });
}
