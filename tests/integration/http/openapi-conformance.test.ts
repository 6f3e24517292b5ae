/**
 * Every documented operation of the signed-in API is called for real (the route handlers, on the demo data,
 * as several demo accounts) and every answer, refusals included, is validated against its schema in the
 * OpenAPI document (tests/fixtures/openapi.ts: ajv, JSON Schema 2020-12, formats checked). A route, status or
 * field the document does not describe fails here.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { apiRouteFiles, conformance, contract, HTTP_METHODS } from '../../fixtures/openapi';
import { agendaItems, comments, interviews, users } from '../../../src/lib/server/db/schema';
import { seedDemoAgenda } from '../../../src/lib/server/seed/demo-agenda';
import { seedDemoMeetings } from '../../../src/lib/server/seed/demo-meetings';
import { loadActor } from '../../../src/lib/server/modules/users';
import { editComment } from '../../../src/lib/server/modules/comments';
import { guardHandle } from '../../../src/lib/server/http/guard-handle';
import type { Actor } from '../../../src/lib/server/permissions';

type Handler = (event: unknown) => Response | Promise<Response>;
const modules = import.meta.glob<Record<string, Handler>>('../../../src/routes/api/**/+server.ts', { eager: true });

/** The route module of a documented path template. */
function routeModule(template: string): Record<string, Handler> {
	const route = apiRouteFiles().find((r) => r.template === template);
	if (!route) throw new Error(`no route file for ${template}`);
	const key = Object.keys(modules).find((k) => k.endsWith(route.file.replace(/^src\//, '/src/')));
	return modules[key!];
}

let t: TestDb;
const actors = new Map<string, Actor>();
const nobody: Actor = { userId: '00000000-0000-4000-8000-000000000001', name: 'Zonder rol', grants: [] };
let itemIds: string[];
let interviewIds: string[];
let editedCommentId: string;
let editedItemId: string;

/** Every (operation, status) answered, to prove each documented operation was called. */
const answered = new Set<string>();
const problems: string[] = [];

/** Calls the handler of `GET template` with params and query as `actor`, validates the answer, returns it. */
async function call(actor: Actor | null, template: string, params: Record<string, string> = {}, query = ''): Promise<{ status: number; body: unknown }> {
	const path = template.replace(/\{(\w+)\}/g, (_, name: string) => params[name]);
	const url = new URL(path + query, 'http://localhost');
	const res = await routeModule(template).GET({ locals: { db: t.db, actor }, url, params, request: new Request(url) });
	const body = await res.json();
	answered.add(`GET ${template} ${res.status}`);
	problems.push(...conformance(template, 'get', res.status, res.headers.get('content-type'), body));
	return { status: res.status, body };
}

beforeAll(async () => {
	t = await testDb({ demo: true });
	await seedDemoAgenda(t.db);
	await seedDemoMeetings(t.db);
	for (const u of await t.db.select().from(users)) actors.set(u.email.split('@')[0], await loadActor(t.db, u));
	itemIds = (await t.db.select({ id: agendaItems.id }).from(agendaItems)).map((r) => r.id);
	interviewIds = (await t.db.select({ id: interviews.id }).from(interviews)).map((r) => r.id);
	// An edited comment, so the revisions list is not empty.
	const [c] = await t.db.select().from(comments).limit(1);
	const author = [...actors.values()].find((a) => a.userId === c.authorId)!;
	await editComment(t.db, author, { id: c.id, body: `${c.body} (aangevuld)`, stance: c.stance }, { ip: null, userAgent: 'test' });
	[editedCommentId, editedItemId] = [c.id, c.itemId];
}, 180_000);
afterAll(() => destroy(t));
beforeEach(() => {
	problems.length = 0;
});

const who = (name: string) => actors.get(name)!;

describe('every documented operation answers as the OpenAPI document says', () => {
	it('the agenda, each item, its versions, decisions and comments, for several roles', async () => {
		for (const name of ['verkenner', 'klankbord.leiden', 'college.voorschoten', 'griffie.oegstgeest', 'beheer']) {
			for (const query of [
				'',
				'?ambitie=6&status=in_uitvoering',
				'?gemeente=leiden&trekker=leiden&horizon=voor_verkiezingen&q=regio',
				'?ambitie=99&status=onzin'
			]) {
				expect((await call(who(name), '/api/v1/items', {}, query)).status).toBe(200);
			}
			for (const id of itemIds) {
				expect((await call(who(name), '/api/v1/items/{id}', { id })).status).toBe(200);
				expect((await call(who(name), '/api/v1/items/{id}/decisions', { id })).status).toBe(200);
				expect((await call(who(name), '/api/v1/items/{id}/comments', { id })).status).toBe(200);
				expect((await call(who(name), '/api/v1/items/{id}/comments', { id }, '?after=3')).status).toBe(200);
				const versions = await call(who(name), '/api/v1/items/{id}/versions', { id });
				for (const v of (versions.body as { versions: { number: number }[] }).versions) {
					expect((await call(who(name), '/api/v1/items/{id}/versions/{number}', { id, number: String(v.number) })).status).toBe(200);
				}
			}
		}
		const revisions = await call(who('verkenner'), '/api/v1/items/{id}/comments/{commentId}/revisions', { id: editedItemId, commentId: editedCommentId });
		expect(revisions.status).toBe(200);
		expect((revisions.body as { revisions: unknown[] }).revisions).toHaveLength(1);
		expect(problems).toEqual([]);
	});

	it('interviews (confidential ones for the verkenner) and what awaits each demo account', async () => {
		for (const name of ['verkenner', 'klankbord.leiden']) {
			for (const query of ['', '?gemeente=voorschoten&orgaan=college&ambitie=7&horizon=na_verkiezingen&zichtbaarheid=klankbordgroep', '?orgaan=onzin']) {
				expect((await call(who(name), '/api/v1/interviews', {}, query)).status).toBe(200);
			}
		}
		const statuses = new Set<number>();
		for (const id of interviewIds) {
			expect((await call(who('verkenner'), '/api/v1/interviews/{id}', { id })).status).toBe(200);
			statuses.add((await call(who('klankbord.leiden'), '/api/v1/interviews/{id}', { id })).status);
		}
		expect([...statuses].sort()).toEqual([200, 404]);
		for (const [name, actor] of actors) {
			expect((await call(actor, '/api/v1/mijn-werk')).status, name).toBe(200);
			expect((await call(actor, '/api/v1/mijn-werk', {}, '?alleen=aantal')).status, name).toBe(200);
		}
		expect(problems).toEqual([]);
	});

	it('refusals: 403 without a role, 404 for an unknown item, comment or interview, 400 for a bad version number or catch-up', async () => {
		const unknown = '00000000-0000-4000-8000-00000000abcd';
		expect((await call(nobody, '/api/v1/items')).status).toBe(403);
		expect((await call(nobody, '/api/v1/items/{id}', { id: itemIds[0] })).status).toBe(403);
		expect((await call(nobody, '/api/v1/interviews')).status).toBe(403);
		expect((await call(nobody, '/api/v1/mijn-werk')).status).toBe(403);
		for (const template of ['/api/v1/items/{id}', '/api/v1/items/{id}/decisions', '/api/v1/items/{id}/versions', '/api/v1/items/{id}/comments']) {
			expect((await call(who('verkenner'), template, { id: unknown })).status, template).toBe(404);
		}
		expect((await call(who('verkenner'), '/api/v1/items/{id}/versions/{number}', { id: itemIds[0], number: 'een' })).status).toBe(400);
		expect((await call(who('verkenner'), '/api/v1/items/{id}/versions/{number}', { id: itemIds[0], number: '999' })).status).toBe(404);
		expect((await call(who('verkenner'), '/api/v1/items/{id}/comments', { id: itemIds[0] }, '?after=nee')).status).toBe(400);
		expect((await call(who('verkenner'), '/api/v1/items/{id}/comments/{commentId}/revisions', { id: itemIds[0], commentId: unknown })).status).toBe(404);
		expect((await call(who('verkenner'), '/api/v1/interviews/{id}', { id: unknown })).status).toBe(404);
		expect(problems).toEqual([]);
	});

	it('401 with its code for every signed-in operation: no login, second factor owed, second factor to set up', async () => {
		const codes = new Set<string>();
		for (const [template, item] of Object.entries(contract.paths)) {
			const op = item.get as { security?: unknown[] } | undefined;
			if (!op || op.security?.length === 0) continue;
			for (const authStage of [null, 'two_factor', 'two_factor_setup']) {
				const url = new URL(template.replace(/\{\w+\}/g, itemIds[0]), 'http://localhost');
				const res = await guardHandle({ event: { url, locals: { authStage } } as never, resolve: () => new Response('route reached') });
				expect(res.status, template).toBe(401);
				const body = (await res.json()) as { code: string };
				codes.add(body.code);
				problems.push(...conformance(template, 'get', res.status, res.headers.get('content-type'), body));
			}
		}
		expect([...codes].sort()).toEqual(['not_logged_in', 'two_factor_required', 'two_factor_setup_required']);
		expect(problems).toEqual([]);
	});

	it('the document itself is public and answers what it describes', async () => {
		const res = await routeModule('/api/openapi.json').GET({});
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(body).toEqual(contract);
		expect(conformance('/api/openapi.json', 'get', 200, res.headers.get('content-type'), body)).toEqual([]);
		const guarded = await guardHandle({
			event: { url: new URL('/api/openapi.json', 'http://localhost'), locals: { authStage: null } } as never,
			resolve: () => new Response('route reached')
		});
		expect(await guarded.text()).toBe('route reached');
	});

	it('called every documented operation of the signed-in API with a 200 answer (the open data: open-data.test.ts)', () => {
		const documented = Object.entries(contract.paths)
			.filter(([p]) => !p.startsWith('/api/open/'))
			.flatMap(([p, item]) => HTTP_METHODS.filter((m) => m in item).map((m) => `${m.toUpperCase()} ${p} 200`));
		expect(documented.filter((d) => !answered.has(d) && d !== 'GET /api/openapi.json 200')).toEqual([]);
	});
});
