/**
 * The API contract over real HTTP against the production build: the OpenAPI document is served without a
 * login and equals the one the tests validate; signed-in answers conform to it; and every refusal under /api
 * is JSON with a code, including the ones SvelteKit makes itself (405 with Allow, an unknown path).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { email } from './support/accounts';
import { loginOverHttp } from './support/auth';
import { urlOf } from './support/context';
import { componentConformance, conformance, contract } from '../fixtures/openapi';

let verkenner: string;
beforeAll(async () => {
	({ cookie: verkenner } = await loginOverHttp(email('verkenner')));
});

const request = (path: string, init: RequestInit & { cookie?: string } = {}) =>
	fetch(urlOf(path), {
		redirect: 'manual',
		...init,
		headers: { accept: 'application/json', ...(init.cookie ? { cookie: init.cookie } : {}), ...init.headers }
	});

async function answer(res: Response) {
	expect(res.headers.get('content-type')).toMatch(/^application\/json/);
	return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as { code?: string; message?: string } };
}

describe('the API contract over HTTP', () => {
	it('serves the document without a login, equal to the validated one', async () => {
		const res = await request('/api/openapi.json');
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual(JSON.parse(JSON.stringify(contract)));
	});

	it('answers the signed-in operations as documented', async () => {
		const list = await answer(await request('/api/v1/items', { cookie: verkenner }));
		expect(conformance('/api/v1/items', 'get', list.status, list.type, list.body)).toEqual([]);
		const id = (list.body as unknown as { ambitions: { items: { id: string }[] }[] }).ambitions.flatMap((a) => a.items)[0].id;
		for (const template of ['/api/v1/items/{id}', '/api/v1/items/{id}/decisions', '/api/v1/items/{id}/versions', '/api/v1/items/{id}/comments']) {
			const a = await answer(await request(template.replace('{id}', id), { cookie: verkenner }));
			expect(a.status, template).toBe(200);
			expect(conformance(template, 'get', a.status, a.type, a.body)).toEqual([]);
		}
		for (const template of ['/api/v1/interviews', '/api/v1/mijn-werk']) {
			const a = await answer(await request(template, { cookie: verkenner }));
			expect(conformance(template, 'get', a.status, a.type, a.body)).toEqual([]);
		}
	});

	it('401 as JSON with a code without a login, for a known and an unknown path', async () => {
		for (const path of ['/api/v1/items', '/api/v1/bestaat-niet']) {
			const a = await answer(await request(path));
			expect([a.status, a.body.code]).toEqual([401, 'not_logged_in']);
			expect(conformance('/api/v1/items', 'get', a.status, a.type, a.body)).toEqual([]);
		}
	});

	it('404 as JSON for a path no route serves, with any method', async () => {
		for (const [path, method] of [
			['/api/v1/bestaat-niet', 'GET'],
			['/api/v1/items/x/y/z', 'GET'],
			['/api', 'GET'],
			['/api/v2/items', 'DELETE']
		]) {
			const a = await answer(await request(path, { method, cookie: verkenner, headers: { origin: new URL(urlOf('/')).origin } }));
			expect([path, a.status, a.body.code]).toEqual([path, 404, 'not_found']);
			expect(componentConformance('NotFound', a.type, a.body)).toEqual([]);
		}
	});

	it('405 as JSON with Allow for a method the path does not have', async () => {
		for (const method of ['POST', 'PUT', 'DELETE']) {
			const res = await request('/api/v1/items', {
				method,
				cookie: verkenner,
				headers: { origin: new URL(urlOf('/')).origin, 'content-type': 'application/json' },
				body: '{}'
			});
			expect(res.headers.get('allow')).toBe('GET, HEAD');
			const a = await answer(res);
			expect([a.status, a.body.code]).toEqual([405, 'method_not_allowed']);
			expect(a.body.message).toContain('GET, HEAD');
			expect(componentConformance('MethodNotAllowed', a.type, a.body)).toEqual([]);
		}
	});

	it('403 as JSON with a code for a cross-site write', async () => {
		const a = await answer(await request('/api/v1/items', { method: 'POST', cookie: verkenner, headers: { origin: 'https://evil.example' } }));
		expect([a.status, a.body.code]).toEqual([403, 'cross_site_refused']);
	});
});

describe('the open data over HTTP', () => {
	const origin = () => new URL(urlOf('/')).origin;

	it('answers every open-data operation without a login, as documented, with CORS, the licence and caching', async () => {
		const list = await request('/api/open/v1/items');
		const items = (await list.json()) as { items: { id: string }[] };
		const sessions = (await (await request('/api/open/v1/sessions')).json()) as { sessions: { id: string }[] };
		const concrete: Record<string, string> = { '{id}': items.items[0].id };
		for (const template of Object.keys(contract.paths).filter((p) => p.startsWith('/api/open/') && !p.includes('{number}'))) {
			const path = template.replace('{id}', template.startsWith('/api/open/v1/sessions') ? sessions.sessions[0].id : concrete['{id}']);
			const res = await request(path, { headers: { origin: 'https://elders.example' } });
			expect(res.status, path).toBe(200);
			expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
			expect(res.headers.get('cache-control'), path).toBe('public, max-age=60');
			expect(res.headers.get('link'), path).toContain('rel="license"');
			const type = res.headers.get('content-type');
			const body = type?.startsWith('application/json') ? await res.json() : await res.text();
			expect(conformance(template, 'get', res.status, type, body), path).toEqual([]);
			const again = await request(path, { headers: { 'if-none-match': res.headers.get('etag')! } });
			expect(again.status, path).toBe(304);
		}
	});

	it('answers a preflight for the open data, and never gives CORS to the signed-in API', async () => {
		const pre = await request('/api/open/v1/items', {
			method: 'OPTIONS',
			headers: { origin: 'https://elders.example', 'access-control-request-method': 'GET' }
		});
		expect(pre.status).toBe(204);
		expect(pre.headers.get('access-control-allow-origin')).toBe('*');
		const signedIn = await request('/api/v1/items', { cookie: verkenner, headers: { origin: 'https://elders.example' } });
		expect(signedIn.status).toBe(200);
		expect(signedIn.headers.get('access-control-allow-origin')).toBeNull();
		const missing = await answer(await request('/api/open/v1/items/00000000-0000-4000-8000-000000000000'));
		expect([missing.status, missing.body.code]).toEqual([404, 'public_item_not_found']);
		const unknown = await answer(await request('/api/open/v2/bestaat-niet'));
		expect([unknown.status, unknown.body.code]).toEqual([404, 'not_found']);
		const wrong = await request('/api/open/v1/items', { method: 'DELETE', headers: { origin: origin() } });
		expect([wrong.status, wrong.headers.get('access-control-allow-origin')]).toEqual([405, '*']);
		expect((await answer(wrong)).body.code).toBe('method_not_allowed');
	});
});
