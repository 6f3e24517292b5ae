import { describe, expect, it } from 'vitest';
import { apiErrorsHandle, rememberErrorId } from '../../../src/lib/server/http/api-errors-handle';
import { openDataHandle } from '../../../src/lib/server/http/open-data';

const event = (path: string, method = 'GET') =>
	({ url: new URL(path, 'http://localhost'), request: new Request(new URL(path, 'http://localhost'), { method }) }) as never;
const run = (handle: typeof apiErrorsHandle, path: string, answer: Response, method = 'GET') => handle({ event: event(path, method), resolve: () => answer });

describe('apiErrorsHandle: every refusal under /api is JSON with a code', () => {
	it('turns SvelteKit’s plain-text 405 into JSON and keeps Allow', async () => {
		const res = await run(
			apiErrorsHandle,
			'/api/v1/items',
			new Response('POST method not allowed', { status: 405, headers: { allow: 'GET, HEAD', 'content-type': 'text/plain' } }),
			'POST'
		);
		expect(res.status).toBe(405);
		expect(res.headers.get('allow')).toBe('GET, HEAD');
		expect(res.headers.get('content-type')).toBe('application/json');
		expect(await res.json()).toEqual({ code: 'method_not_allowed', message: expect.stringContaining('GET, HEAD'), errors: {} });
	});

	it('turns an HTML error page into JSON, and adds a code to JSON without one', async () => {
		const html = await run(
			apiErrorsHandle,
			'/api/v1/items',
			new Response('<!doctype html><p>Internal Error</p>', { status: 500, headers: { 'content-type': 'text/html' } })
		);
		expect(await html.json()).toEqual({ code: 'server_error', message: expect.any(String), errors: {} });
		const bare = await run(apiErrorsHandle, '/api/v1/items', Response.json({ message: 'Niet gevonden', id: 'abc' }, { status: 404 }));
		expect(await bare.json()).toEqual({ code: 'not_found', message: 'Niet gevonden', id: 'abc', errors: {} });
	});

	it('names the log line of a fault that SvelteKit answered with its HTML page', async () => {
		const e = event('/api/v1/items');
		rememberErrorId(e, 'k3x9');
		const res = await apiErrorsHandle({
			event: e,
			resolve: () => new Response('<p>Internal Error</p>', { status: 500, headers: { 'content-type': 'text/html' } })
		});
		expect(await res.json()).toEqual({ code: 'server_error', message: expect.any(String), errors: {}, id: 'k3x9' });
	});

	it('leaves answers with a code, successes and pages alone', async () => {
		const coded = Response.json({ code: 'agenda_item_not_found', message: '…', errors: {} }, { status: 404 });
		expect(await run(apiErrorsHandle, '/api/v1/items/x', coded)).toBe(coded);
		const ok = Response.json({ fine: true });
		expect(await run(apiErrorsHandle, '/api/v1/items', ok)).toBe(ok);
		const page = new Response('<p>404</p>', { status: 404, headers: { 'content-type': 'text/html' } });
		expect(await run(apiErrorsHandle, '/agenda/x', page)).toBe(page);
		expect(await run(apiErrorsHandle, '/apix', page)).toBe(page);
	});
});

describe('openDataHandle: CORS for the open data, never for the signed-in API', () => {
	it('lets any site read every open-data answer, refusals included', async () => {
		for (const status of [200, 304, 404]) {
			const res = await run(openDataHandle, '/api/open/v1/items', new Response(null, { status }));
			expect(res.headers.get('access-control-allow-origin'), String(status)).toBe('*');
			expect(res.headers.get('access-control-expose-headers')).toContain('ETag');
		}
	});

	it('answers a preflight with 204 and the allowed methods, without reaching a route', async () => {
		const res = await openDataHandle({ event: event('/api/open/v1/items/abc', 'OPTIONS'), resolve: () => Promise.reject(new Error('route reached')) });
		expect(res.status).toBe(204);
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		expect(res.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
		expect(res.headers.get('access-control-allow-headers')).toContain('If-None-Match');
	});

	it('adds nothing to the signed-in API, the contract or pages', async () => {
		for (const path of ['/api/v1/items', '/api/openapi.json', '/api/opendata', '/openbaar/agenda']) {
			const res = await run(openDataHandle, path, new Response('{}'));
			expect(res.headers.get('access-control-allow-origin'), path).toBeNull();
		}
	});
});
