import { sequence } from '@sveltejs/kit/hooks';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { startRuntime } from '$lib/server/runtime';
import { currentIo } from '$lib/server/realtime/io.js';
import { setupRealtime, type Io } from '$lib/server/realtime/setup';
import { authHandle } from '$lib/server/http/auth-handle';
import { securityHandle } from '$lib/server/http/security-handle';
import { guardHandle } from '$lib/server/http/guard-handle';
import { publicPageCacheHandle } from '$lib/server/http/public-page-cache';
import { listPageCacheHandle } from '$lib/server/http/list-page-cache';
import { inputHandle } from '$lib/server/http/input-handle';
import { apiErrorsHandle, rememberErrorId } from '$lib/server/http/api-errors-handle';
import { openDataHandle } from '$lib/server/http/open-data';
import { logError } from '$lib/server/error-log';
import { m } from '$lib/paraglide/messages.js';
import { databaseOutageError, databaseOutageHandle } from '$lib/server/http/database-outage';

export const init: ServerInit = async () => {
	await startRuntime();
	const io = currentIo();
	if (io) await setupRealtime(io as Io);
};

const i18nHandle: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

export const handle = sequence(
	securityHandle,
	i18nHandle,
	openDataHandle,
	apiErrorsHandle,
	inputHandle,
	databaseOutageHandle,
	authHandle,
	guardHandle,
	publicPageCacheHandle,
	listPageCacheHandle
);

/**
 * Every unexpected error (a fault, or SvelteKit refusing a request: unknown page, malformed address) is
 * logged as one line with an id (see error-log.ts), and the person sees that id with a message in their
 * language. A database that is briefly out of reach gets its own answer first (503, "try again in a
 * moment"). Route and page names come from the route (`/wachtwoord-instellen/[token]`), so no token in an
 * address ever reaches the log.
 */
export const handleError: HandleServerError = ({ error, event, status }) => {
	const outage = databaseOutageError(error, event);
	if (outage) return outage;
	const where = `${event.request.method} ${event.route.id ?? event.url.pathname}`;
	const id = logError(error, where, status);
	rememberErrorId(event, id);
	const message = status === 404 ? m.error_not_found() : status < 500 ? m.error_request_refused() : m.error_generic();
	return { message, id };
};
