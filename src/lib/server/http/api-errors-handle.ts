import { json, type Handle, type RequestEvent } from '@sveltejs/kit';
import { m } from '../../paraglide/messages.js';

/** Whether a path belongs to the JSON API (everything under /api answers JSON, refusals included). */
export const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/** The shape of every refusal under /api: `{ code, message, errors }`. */
export function apiError(status: number, code: string, message: string, init: { headers?: HeadersInit } = {}): Response {
	return json({ code, message, errors: {} }, { status, headers: init.headers });
}

/** The log line id of a request's unexpected error (from handleError), so its JSON answer can name it too. */
const errorIds = new WeakMap<RequestEvent, string>();

/** For `handleError`: remember the id it logged, for the JSON refusal of an API request. */
export function rememberErrorId(event: RequestEvent, id: string): void {
	errorIds.set(event, id);
}

const codeByStatus: Record<number, string> = {
	400: 'bad_request',
	401: 'not_logged_in',
	403: 'forbidden',
	404: 'not_found',
	405: 'method_not_allowed',
	503: 'error_database_unavailable'
};

function messageFor(status: number, allow: string): string {
	if (status === 404) return m.api_not_found();
	if (status === 405) return m.api_method_not_allowed({ allow });
	if (status === 401) return m.http_not_logged_in();
	if (status === 403) return m.error_forbidden_action();
	return status >= 500 ? m.api_server_error() : m.api_request_refused();
}

const isJson = (res: Response) => (res.headers.get('content-type') ?? '').startsWith('application/json');

/**
 * Under /api every refusal is JSON with a `code`: SvelteKit's own answers (405 as plain text for a route
 * without that method, its HTML error page for a fault) and JSON without a code are rewritten to
 * `{ code, message, errors }` (with the `id` of the log line for a fault), keeping the status and its headers
 * (`Allow`, `Retry-After`). Pages are left alone.
 */
export const apiErrorsHandle: Handle = async ({ event, resolve }) => {
	const res = await resolve(event);
	if (!isApiPath(event.url.pathname) || res.status < 400 || event.request.method === 'HEAD') return res;
	if (isJson(res)) {
		const body = await res
			.clone()
			.json()
			.catch(() => null);
		if (body && typeof body === 'object' && typeof body.code === 'string') return res;
		return rewritten(res, { ...(body && typeof body === 'object' ? body : {}), code: codeByStatus[res.status] ?? 'error' });
	}
	const code = codeByStatus[res.status] ?? (res.status >= 500 ? 'server_error' : 'error');
	const id = errorIds.get(event);
	return rewritten(res, { code, message: messageFor(res.status, res.headers.get('allow') ?? ''), errors: {}, ...(id ? { id } : {}) });
};

function rewritten(res: Response, body: Record<string, unknown>): Response {
	const headers = new Headers(res.headers);
	headers.delete('content-length');
	headers.delete('content-security-policy');
	headers.set('content-type', 'application/json');
	const full = { message: messageFor(res.status, headers.get('allow') ?? ''), errors: {}, ...body };
	return new Response(JSON.stringify(full), { status: res.status, headers });
}
