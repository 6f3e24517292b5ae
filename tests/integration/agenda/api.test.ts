import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, type NewUser } from '../../fixtures/factories';
import { GET as listGet } from '../../../src/routes/api/v1/items/+server';
import { GET as itemGet } from '../../../src/routes/api/v1/items/[id]/+server';
import { guardHandle } from '../../../src/lib/server/http/guard-handle';
import { newItem } from './helpers';

let t: TestDb;
let verkenner: NewUser;
let griffie: NewUser;
let nobody: NewUser;
let itemId: string;

beforeAll(async () => {
	t = await testDb();
	verkenner = await newUser(t.db, [['verkenner', null]]);
	griffie = await newUser(t.db, [['griffie', 'voorschoten']]);
	nobody = await newUser(t.db, []);
	itemId = await newItem(t.db, verkenner.actor, { title: 'Jeugdhulp inkoop 2020', ambitionId: 6, trekkerId: 'leiden' });
});
afterAll(() => destroy(t));

const event = (actor: NewUser['actor'] | null, url: string, params: Record<string, string> = {}) =>
	({ locals: { db: t.db, actor }, url: new URL(url, 'http://localhost'), params }) as never;

describe('read API', () => {
	it('answers 401 without a login (the guard, before any route)', async () => {
		for (const path of ['/api/v1/items', `/api/v1/items/${itemId}`]) {
			const res = await guardHandle({
				event: { url: new URL(path, 'http://localhost'), locals: { authStage: null } } as never,
				resolve: () => new Response('route reached')
			});
			expect(res.status).toBe(401);
			expect(await res.json()).toEqual({ code: 'not_logged_in', message: expect.any(String), errors: {} });
		}
	});

	it('lists the agenda for anyone with a role, with the same filters as the page', async () => {
		const res = await listGet(event(griffie.actor, '/api/v1/items?ambitie=6&q=jeugd'));
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(body.ambitions).toHaveLength(1);
		expect(body.ambitions[0].items).toEqual([
			expect.objectContaining({
				id: itemId,
				title: 'Jeugdhulp inkoop 2020',
				status: 'concept',
				trekker: 'leiden',
				participants: ['leiden'],
				url: `/api/v1/items/${itemId}`
			})
		]);
		expect([body.matching, body.total]).toEqual([1, 1]);
	});

	it('returns one item with costs in cents and its versions', async () => {
		const res = await itemGet(event(griffie.actor, `/api/v1/items/${itemId}`, { id: itemId }));
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(body).toMatchObject({ id: itemId, ambition: { id: 6 }, status: 'concept', costs: { estimateCents: 0, split: { netCents: 0 } }, versions: [] });
		expect(body).not.toHaveProperty('pendingContributors');
	});

	it('refuses an account without a role (403) and says 404 for an unknown item', async () => {
		const forbidden = await listGet(event(nobody.actor, '/api/v1/items'));
		expect(forbidden.status).toBe(403);
		expect((await forbidden.json()).code).toBe('forbidden');
		expect((await itemGet(event(nobody.actor, `/api/v1/items/${itemId}`, { id: itemId }))).status).toBe(403);
		const missing = await itemGet(event(griffie.actor, '/api/v1/items/x', { id: '00000000-0000-4000-8000-000000000000' }));
		expect(missing.status).toBe(404);
		expect((await missing.json()).code).toBe('agenda_item_not_found');
	});
});
