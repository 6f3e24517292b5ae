/**
 * The overview per municipality takes a fixed number of SQL queries however many items await its
 * decision (no query per item), and still lists each with the version to sign.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { reopenItem, transitionItem, updateItemFields, getItem } from '../../../src/lib/server/modules/agenda-items';
import { recordSignOff, municipalityOverview } from '../../../src/lib/server/modules/decisions';
import { readyItem, sessionConfirmed, signInput } from './helpers';

let t: TestDb;
let verkenner: NewUser;
let college: NewUser;
const statements: string[] = [];
let counting = false;

beforeAll(async () => {
	t = await testDb({ logger: { logQuery: (sql) => void (counting && statements.push(sql)) } });
	verkenner = await newUser(t.db, [['verkenner', null]]);
	college = await newUser(t.db, [['collegelid', 'leiden']]);
});
afterAll(() => destroy(t));

async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
	statements.length = 0;
	counting = true;
	try {
		return { result: await fn(), queries: statements.length };
	} finally {
		counting = false;
	}
}

/** `n` items awaiting Leiden's decision; every third one was frozen twice (its round reopened once). */
async function awaitingItems(n: number, from: number) {
	const out: { id: string; number: number }[] = [];
	for (let i = from; i < from + n; i++) {
		const { id, frozen } = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
		if (i % 3 === 0) {
			await reopenItem(t.db, verkenner.actor, { itemId: id, from: 'gereed_voor_besluitvorming', reason: 'Titel herzien' }, testOrigin);
			const { item } = await getItem(t.db, verkenner.actor, id);
			await updateItemFields(t.db, verkenner.actor, { itemId: id, revision: item.revision, title: `Herzien ${i}` }, testOrigin);
			await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' }, testOrigin);
			out.push({ id, number: frozen.number + 2 });
		} else out.push({ id, number: frozen.number });
	}
	return out;
}

describe('the overview per municipality', () => {
	it('uses the same number of queries for 3 and for 30 items awaiting its decision', async () => {
		const first = await awaitingItems(3, 0);
		// One item Leiden already signed does not await it any more.
		const signed = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
		await recordSignOff(t.db, college.actor, sessionConfirmed(), signInput(signed.id, 'leiden', signed.frozen), testOrigin);

		const three = await countQueries(() => municipalityOverview(t.db, college.actor, 'leiden'));
		expect(three.result?.awaiting).toHaveLength(3);
		expect(new Map(three.result!.awaiting.map((a) => [a.id, a.versionNumber]))).toEqual(new Map(first.map((f) => [f.id, f.number])));

		const more = await awaitingItems(27, 3);
		const thirty = await countQueries(() => municipalityOverview(t.db, college.actor, 'leiden'));
		expect(thirty.result?.awaiting).toHaveLength(30);
		expect(new Map(thirty.result!.awaiting.map((a) => [a.id, a.versionNumber]))).toEqual(new Map([...first, ...more].map((f) => [f.id, f.number])));
		expect(thirty.result?.awaiting.some((a) => a.id === signed.id)).toBe(false);

		expect(thirty.queries).toBe(three.queries);
		expect(three.queries).toBeLessThanOrEqual(8);
	}, 120_000);
});
