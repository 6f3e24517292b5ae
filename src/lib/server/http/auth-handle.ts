import type { Handle, RequestEvent } from '@sveltejs/kit';
import { runtime } from '../runtime';
import { authenticate, SESSION_COOKIE } from '../auth/authenticate';
import type { Origin } from '../modules/audit';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { isPublicPage } from './public-page-cache';

export function originOf(event: RequestEvent): Origin {
	let ip: string | null;
	try {
		ip = event.getClientAddress();
	} catch {
		ip = null;
	}
	return { ip, userAgent: event.request.headers.get('user-agent') };
}

/**
 * Resolves the session cookie to a user, actor and stage on every request; slides the cookie with the session.
 * Not on a public page: it is the same for everyone (and cached so), so it neither reads nor slides a session.
 */
export const authHandle: Handle = async ({ event, resolve }) => {
	const { db } = await runtime();
	event.locals.db = db;
	event.locals.origin = originOf(event);
	const token = isPublicPage(event.url.pathname) ? undefined : event.cookies.get(SESSION_COOKIE);
	const auth = await authenticate(db, token);
	if (token && !auth) clearSessionCookie(event);
	if (token && auth) setSessionCookie(event, token, auth.session.expiresAt);
	event.locals.user = auth?.user ?? null;
	event.locals.authSession = auth?.session ?? null;
	event.locals.actor = auth?.actor ?? null;
	event.locals.authStage = auth?.stage ?? null;
	event.locals.dataVersion = auth?.dataVersion;
	return resolve(event);
};
