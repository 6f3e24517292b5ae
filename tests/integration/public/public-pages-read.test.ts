/**
 * What the public pages add to the public read model: the decisions of one municipality or one ambition, and
 * the in-memory cache keyed by the public stamp (a page costs one statement while nothing public changed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { agendaItems, users } from '../../../src/lib/server/db/schema';
import { seedDemoAgenda } from '../../../src/lib/server/seed/demo-agenda';
import { seedDemoMeetings } from '../../../src/lib/server/seed/demo-meetings';
import { loadActor } from '../../../src/lib/server/modules/users';
import { setItemPublic } from '../../../src/lib/server/modules/agenda-items';
import * as publicSite from '../../../src/lib/server/modules/public';
import { eq } from 'drizzle-orm';

let t: TestDb;
const origin = { ip: '127.0.0.1', userAgent: 'test' };

beforeAll(async () => {
	t = await testDb({ demo: true });
	await seedDemoAgenda(t.db);
	await seedDemoMeetings(t.db);
}, 120_000);
afterAll(() => destroy(t));

describe('decisions per municipality and per ambition', () => {
	it('gives exactly the decisions of one municipality, college and council', async () => {
		const all = await publicSite.listPublicDecisions(t.db);
		expect(all.length).toBeGreaterThan(0);
		for (const id of ['leiden', 'voorschoten'] as const) {
			const own = await publicSite.listPublicDecisions(t.db, 200, { municipalityId: id });
			expect(own.length).toBeGreaterThan(0);
			expect(own.map((d) => d.id).sort()).toEqual(
				all
					.filter((d) => d.municipalityId === id)
					.map((d) => d.id)
					.sort()
			);
			expect(new Set(own.map((d) => d.kind))).toEqual(new Set(['college', 'raad']));
		}
	});

	it('gives exactly the decisions on the items of one ambition, none for an ambition without public items', async () => {
		const all = await publicSite.listPublicDecisions(t.db);
		const items = (await publicSite.listPublicItems(t.db, publicSite.publicFilterFrom(new URLSearchParams()))).items;
		const ambitionOf = new Map(items.map((i) => [i.id, i.ambitionId]));
		for (const ambitionId of [1, 2, 3, 6]) {
			const own = await publicSite.listPublicDecisions(t.db, 200, { ambitionId });
			expect(own.map((d) => d.id).sort()).toEqual(
				all
					.filter((d) => ambitionOf.get(d.itemId) === ambitionId)
					.map((d) => d.id)
					.sort()
			);
		}
		expect(await publicSite.listPublicDecisions(t.db, 200, { ambitionId: 2 })).toEqual([]);
	});
});

describe('the cache keyed by the public stamp', () => {
	it('reads once per stamp and again after anything public changed; a failed read is not kept', async () => {
		let loads = 0;
		const none = publicSite.publicFilterFrom(new URLSearchParams());
		const read = async () => {
			const stamp = await publicSite.publicStamp(t.db);
			return publicSite.cachedPublicRead(t.db, stamp, 'items', (q) => {
				loads++;
				return publicSite.listPublicItems(q, none);
			});
		};
		const first = await read();
		expect(await read()).toBe(first);
		expect(loads).toBe(1);

		const [verkenner] = await t.db.select().from(users).where(eq(users.email, 'verkenner@demo.regioportaal.nl'));
		const [studenten] = (await t.db.select().from(agendaItems)).filter((i) => i.title.startsWith('Studenten'));
		await setItemPublic(t.db, await loadActor(t.db, verkenner), { itemId: studenten.id, public: 'on' }, origin);
		const after = await read();
		expect(loads).toBe(2);
		expect(after.total).toBe(first.total + 1);

		const stamp = await publicSite.publicStamp(t.db);
		let tries = 0;
		const missing = () =>
			publicSite.cachedPublicRead(t.db, stamp, 'item:unknown', (q) => {
				tries++;
				return publicSite.getPublicItem(q, '00000000-0000-4000-8000-000000000000');
			});
		await expect(missing()).rejects.toMatchObject({ status: 404 });
		await expect(missing()).rejects.toMatchObject({ status: 404 });
		expect(tries).toBe(2);
	});
});
