import type { RequestEvent } from '@sveltejs/kit';
import type { SignInRefused } from '../modules/sign-in';
import { secureCookie } from './cookie-security';

/**
 * The `state` of a sign-in under way at a municipality's provider, kept by this browser until the provider sends
 * it back: an answer brought to another browser (login CSRF) finds no matching cookie. Lax, so the provider's
 * redirect (a top-level GET from its site) carries it; only the sign-in routes see it.
 */
export const SIGN_IN_STATE_COOKIE = 'rp_oidc_state';
const cookiePath = '/inloggen/oidc';

export function setSignInState(event: Pick<RequestEvent, 'cookies' | 'url'>, state: string): void {
	event.cookies.set(SIGN_IN_STATE_COOKIE, state, { path: cookiePath, httpOnly: true, sameSite: 'lax', secure: secureCookie(event.url), maxAge: 10 * 60 });
}

/** Reads the state and deletes the cookie: it serves one way back. */
export function takeSignInState(event: Pick<RequestEvent, 'cookies' | 'url'>): string | undefined {
	const state = event.cookies.get(SIGN_IN_STATE_COOKIE);
	event.cookies.delete(SIGN_IN_STATE_COOKIE, { path: cookiePath, secure: secureCookie(event.url) });
	return state;
}

/** The portal's callback address, to be registered at each provider. */
export function signInCallbackUri(url: URL): string {
	return `${url.origin}/inloggen/oidc/terug`;
}

/** Where a refused sign-in sends the person: the login page, or the step-up page, named with the reason. */
export function refusedSignInTarget(err: SignInRefused, next = '/'): string {
	const reason = encodeURIComponent(err.reason);
	const naar = encodeURIComponent(err.next ?? next);
	return err.purpose === 'step_up' ? `/account/tweestaps-bevestigen?inlogfout=${reason}&naar=${naar}` : `/inloggen?inlogfout=${reason}&naar=${naar}`;
}
