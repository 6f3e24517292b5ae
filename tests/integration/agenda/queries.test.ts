import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { getItem, listItems, updateItemFields } from '../../../src/lib/server/modules/agenda-items';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { filterFromSearchParams } from '../../../src/lib/validation/agenda';
import { newItem, rejection } from './helpers';

let t: TestDb;
let verkenner: NewUser;
let meelezer: NewUser;
let nobody: NewUser;
const statements: string[] = [];
let counting = false;
const f = (query = '') => filterFromSearchParams(new URLSearchParams(query));

beforeAll(async () => {
	t = await testDb({ logger: { logQuery: (sql) => void (counting && statements.push(sql)) } });
	verkenner = await newUser(t.db, [['verkenner', null]]);
	meelezer = await newUser(t.db, [['meelezer', 'leiderdorp']]);
	nobody = await newUser(t.db, []);
	const fiets = await newItem(t.db, verkenner.actor, { ambitionId: 3, title: 'Snelfietsroute Leiden-Katwijk', trekkerId: 'leiden' });
	await updateItemFields(
		t.db,
		verkenner.actor,
		{ itemId: fiets, revision: 1, participants: [{ municipalityId: 'leiden' }, { municipalityId: 'oegstgeest' }], tags: ['mobiliteit'] },
		testOrigin
	);
	await newItem(t.db, verkenner.actor, { ambitionId: 3, title: 'Bereikbaarheid Hart van Holland', trekkerId: 'leiderdorp', horizon: 'na_verkiezingen' });
	await newItem(t.db, verkenner.actor, { ambitionId: 1, title: 'Studenten- en expathuisvesting', trekkerId: null, summary: '100% kennisstad_' });
});
afterAll(() => destroy(t));

async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
	statements.length = 0;
	counting = true;
	try {
		const result = await fn();
		return { result, queries: statements.length };
	} finally {
		counting = false;
	}
}

describe('the agenda overview', () => {
	it('groups all seven ambitions with their items and counts', async () => {
		const o = await listItems(t.db, meelezer.actor, f());
		expect(o.groups.map((g) => g.ambition.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(o.groups.map((g) => [g.matching, g.total])).toEqual([
			[1, 1],
			[0, 0],
			[2, 2],
			[0, 0],
			[0, 0],
			[0, 0],
			[0, 0]
		]);
		expect(o.groups[2].items.map((i) => i.title)).toEqual(['Bereikbaarheid Hart van Holland', 'Snelfietsroute Leiden-Katwijk']);
		expect(o.groups[2].items[1].participants).toEqual(['leiden', 'oegstgeest']);
		expect([o.matching, o.total, o.filtered]).toEqual([3, 3, false]);
	});

	it.each([
		['gemeente=oegstgeest', ['Snelfietsroute Leiden-Katwijk']],
		['trekker=leiderdorp', ['Bereikbaarheid Hart van Holland']],
		['horizon=na_verkiezingen', ['Bereikbaarheid Hart van Holland']],
		['status=concept&ambitie=1', ['Studenten- en expathuisvesting']],
		['status=vastgesteld', []],
		['q=KATWIJK', ['Snelfietsroute Leiden-Katwijk']],
		['q=mobiliteit', ['Snelfietsroute Leiden-Katwijk']],
		['q=100%25', ['Studenten- en expathuisvesting']],
		['q=%25', ['Studenten- en expathuisvesting']],
		['q=%25%25', []],
		['q=_', ['Studenten- en expathuisvesting']]
	])('filters %s', async (query, titles) => {
		const o = await listItems(t.db, meelezer.actor, f(query));
		expect(o.groups.flatMap((g) => g.items.map((i) => i.title)).sort()).toEqual([...titles].sort());
		expect(o.filtered).toBe(true);
	});

	it('counts matching items per ambition next to the total', async () => {
		const o = await listItems(t.db, meelezer.actor, f('gemeente=oegstgeest'));
		expect(o.groups.find((g) => g.ambition.id === 3)).toMatchObject({ matching: 1, total: 2 });
		expect(o.total).toBe(3);
	});

	it('uses the same small number of SQL queries however many items there are', async () => {
		const before = await countQueries(() => listItems(t.db, meelezer.actor, f()));
		const detailBefore = await countQueries(() => getItem(t.db, meelezer.actor, before.result.groups[2].items[1].id));
		for (let i = 0; i < 40; i++) {
			const id = await newItem(t.db, verkenner.actor, { ambitionId: 1 + (i % 7), title: `Activiteit ${i}` });
			await updateItemFields(
				t.db,
				verkenner.actor,
				{
					itemId: id,
					revision: 1,
					participants: [{ municipalityId: 'leiden' }, { municipalityId: 'zoeterwoude' }],
					milestones: [{ title: 'Start', dueDate: '2026-01-01' }]
				},
				testOrigin
			);
		}
		const after = await countQueries(() => listItems(t.db, meelezer.actor, f()));
		expect(after.result.matching).toBe(43);
		expect(after.queries).toBe(before.queries);
		expect(after.queries).toBeLessThanOrEqual(3);
		const detailAfter = await countQueries(() => getItem(t.db, meelezer.actor, before.result.groups[2].items[1].id));
		expect(detailAfter.queries).toBe(detailBefore.queries);
	});

	it('shows nothing to someone who may not read items', async () => {
		expect(await rejection(listItems(t.db, nobody.actor, f()))).toBeInstanceOf(ForbiddenError);
		expect(await rejection(listItems(t.db, null, f()))).toBeInstanceOf(ForbiddenError);
		const any = (await listItems(t.db, meelezer.actor, f())).groups[0].items[0].id;
		expect(await rejection(getItem(t.db, nobody.actor, any))).toBeInstanceOf(ForbiddenError);
	});

	it('answers 404 for an unknown or malformed item id', async () => {
		expect((await rejection(getItem(t.db, meelezer.actor, '00000000-0000-4000-8000-000000000000'))).status).toBe(404);
		expect((await rejection(getItem(t.db, meelezer.actor, 'niet-een-id'))).status).toBe(404);
	});
});
