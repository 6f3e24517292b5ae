import { error, type Handle, type RequestEvent } from '@sveltejs/kit';
import { isDatabaseUnavailable, unavailableCode } from '../db/unavailable';
import { t } from '../i18n';

/** The code a page, an API client or a socket client gets when the database is briefly out of reach. */
export const DATABASE_UNAVAILABLE = 'error_database_unavailable';

/** How long a client should wait before trying again (a database restart takes seconds). */
const RETRY_AFTER_SECONDS = 5;

/** Requests that failed because the database was out of reach: their answer becomes 503, not 500. */
const failed = new WeakSet<RequestEvent>();

/**
 * For `handleError`: the error shown for a request that failed because the database could not be reached
 * ("try again in a moment"), or undefined for any other error.
 */
export function databaseOutageError(err: unknown, event: RequestEvent): App.Error | undefined {
	if (!isDatabaseUnavailable(err)) return undefined;
	failed.add(event);
	console.error(`database unavailable (${unavailableCode(err)}): ${event.request.method} ${event.route.id ?? '(no route)'}`);
	return { message: t(DATABASE_UNAVAILABLE), code: DATABASE_UNAVAILABLE };
}

/**
 * A request that failed because the database was out of reach is answered 503, not 500: nothing was wrong
 * with the request itself. Failing in a later handle (the session lookup) it becomes SvelteKit's error page
 * (or JSON) with that status here; failing in a load or an endpoint, SvelteKit's 500 becomes 503 with
 * Retry-After.
 */
export const databaseOutageHandle: Handle = async ({ event, resolve }) => {
	let res: Response;
	try {
		res = await resolve(event);
	} catch (err) {
		if (!isDatabaseUnavailable(err)) throw err;
		console.error(`database unavailable (${unavailableCode(err)}): ${event.request.method} ${event.route.id ?? '(no route)'}`);
		error(503, { message: t(DATABASE_UNAVAILABLE), code: DATABASE_UNAVAILABLE });
	}
	if (res.status !== 500 || !failed.has(event)) return res;
	const headers = new Headers(res.headers);
	headers.set('retry-after', String(RETRY_AFTER_SECONDS));
	return new Response(res.body, { status: 503, statusText: 'Service Unavailable', headers });
};
