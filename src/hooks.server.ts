import { sequence } from '@sveltejs/kit/hooks';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { startRuntime } from '$lib/server/runtime';
import { currentIo } from '$lib/server/realtime/io.js';
import { setupRealtime, type Io } from '$lib/server/realtime/setup';
import { authHandle } from '$lib/server/http/auth-handle';
import { securityHandle } from '$lib/server/http/security-handle';
import { guardHandle } from '$lib/server/http/guard-handle';
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

export const handle = sequence(securityHandle, i18nHandle, databaseOutageHandle, authHandle, guardHandle);

/** A database that is briefly out of reach gets its own answer (503, "try again"); anything else is logged. */
export const handleError: HandleServerError = ({ error, event }) => databaseOutageError(error, event) ?? void console.error(error);
