/**
 * The same question asked again while nothing has changed is answered without searching again; any committed
 * write (a new text, a deleted comment) makes the next question search afresh; a person never gets an
 * answer given to another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { newItem } from '../agenda/helpers';
import { deleteComment, postComment } from '../../../src/lib/server/modules/comments';
import { search, type SearchResults } from '../../../src/lib/server/modules/search';
import { searchFromParams } from '../../../src/lib/validation/search';
import type { Actor } from '../../../src/lib/server/permissions';

let t: TestDb;
let verkenner: NewUser, leiden: NewUser, leiderdorp: NewUser;
let item: string;
/** The statements the database was sent, as the drizzle logger saw them. */
const sent: string[] = [];

const find = (actor: Actor, q: string, more: Record<string, string> = {}) => search(t.db, actor, searchFromParams(new URLSearchParams({ q, ...more })));
const commentIds = (r: SearchResults) => r.groups.find((g) => g.kind === 'comments')?.hits.map((h) => h.id) ?? [];
/** How many statements `run` sent. */
async function statementsOf<T>(run: () => Promise<T>): Promise<{ result: T; statements: number }> {
	const before = sent.length;
	const result = await run();
	return { result, statements: sent.length - before };
}

/**
 * Runs `attempt` until its questions fell in one data version: a job of this database (a notification, a mail) may
 * write between two questions and raise it (and the search then rightly runs again).
 */
async function atOneVersion<T extends { answered: boolean }>(attempt: (n: number) => Promise<T>): Promise<T> {
	let last = await attempt(0);
	for (let n = 1; n < 28 && !last.answered; n++) last = await attempt(n);
	return last;
}

beforeAll(async () => {
	t = await testDb({ logger: { logQuery: (query) => void sent.push(query) } });
	verkenner = await newUser(t.db, [['verkenner', null]]);
	leiden = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
	leiderdorp = await newUser(t.db, [['klankbordgroeplid', 'leiderdorp']]);
	item = await newItem(t.db, verkenner.actor, { title: 'Regionale warmtenetten', summary: 'Een warmtenet voor de kernen.' });
});
afterAll(() => destroy(t));

describe('answers given again', () => {
	it('the same question again, in other spacing or capitals, reads only the data version and gives the same answer', async () => {
		const pair = await atOneVersion(async (attempt) => {
			// Each attempt a question of its own (a date filter far ahead), so none is answered by an earlier one.
			const until = { tot: `2100-01-${String(attempt + 1).padStart(2, '0')}` };
			const first = await statementsOf(() => find(leiden.actor, 'warmtenet kernen', until));
			const again = await statementsOf(() => find(leiden.actor, '  Warmtenet   KERNEN ', until));
			return { first, again, answered: again.statements === 1 };
		});
		expect(pair.first.statements).toBeGreaterThan(3);
		expect(pair.again.statements).toBe(1);
		expect(pair.again.result).toEqual(pair.first.result);
	});

	it('the same question asked five times at once is searched once', async () => {
		const run = await atOneVersion(async () => {
			const question = `warmtenet ${randomUUID().slice(0, 4)}`;
			const alone = await statementsOf(() => find(leiderdorp.actor, `${question}x`));
			const together = await statementsOf(() => Promise.all(Array.from({ length: 5 }, () => find(leiderdorp.actor, question))));
			// Five version reads and one search, where five searches would send five times the statements.
			return { alone, together, answered: together.statements === 5 + (alone.statements - 1) };
		});
		expect(run.together.statements).toBe(5 + (run.alone.statements - 1));
		expect(new Set(run.together.result.map((r) => JSON.stringify(r))).size).toBe(1);
	});

	it('a comment written since is found by the next same question', async () => {
		const before = await find(leiden.actor, 'warmtenet');
		const { id } = await postComment(t.db, leiden.actor, { id: randomUUID(), itemId: item, body: 'Het warmtenet van Leiden-Noord.' }, testOrigin);
		const after = await find(leiden.actor, 'warmtenet');
		expect(commentIds(before)).not.toContain(id);
		expect(commentIds(after)).toContain(id);
	});

	it("one person's answer is never another's: Leiderdorp's internal comment is found by Leiderdorp only, asked in either order", async () => {
		const words = `warmtebron ${randomUUID().slice(0, 6)}`;
		const { id } = await postComment(t.db, leiderdorp.actor, { id: randomUUID(), itemId: item, body: `Intern: ${words}.`, visibility: 'internal' }, testOrigin);
		expect(commentIds(await find(leiderdorp.actor, words))).toEqual([id]);
		expect(commentIds(await find(leiden.actor, words))).toEqual([]);
		expect(commentIds(await find(leiderdorp.actor, words))).toEqual([id]);
	});

	it('a deleted comment is no longer found at the next same question', async () => {
		const words = `aardwarmte ${randomUUID().slice(0, 6)}`;
		const comment = await postComment(t.db, leiderdorp.actor, { id: randomUUID(), itemId: item, body: `Over ${words}.` }, testOrigin);
		expect(commentIds(await find(leiden.actor, words))).toEqual([comment.id]);
		await deleteComment(t.db, leiderdorp.actor, { id: comment.id }, testOrigin);
		expect(commentIds(await find(leiden.actor, words))).toEqual([]);
	});
});
