import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { rowsOf } from '../../db/rows';
import { VersionCache } from '../../db/version-cache';
import { currentDataVersion } from '../../db/data-version';
import type { SearchRequest } from '../../../validation/search';

/**
 * Answers already given, so the same question asked again (the same person, words and filters) is not searched
 * again while nothing has changed: typing, paging between kinds, a shared link opened by several people at once.
 *
 * The key holds the data version (`db/data-version.ts`). Every committed change the pages can show raises it, on
 * whichever node it was made, so an answer is never served once anything it could depend on has changed: a text,
 * a comment's visibility, a person's grants. A question asked while the
 * same one is still being searched waits for that search instead of starting its own.
 */
export class Answers<T> {
	private readonly answers: VersionCache<Promise<T>>;

	constructor(max = 500) {
		this.answers = new VersionCache({ max, ttl: 10 * 60_000 });
	}

	async get(q: Queryable, userId: string, request: SearchRequest, search: () => Promise<T>): Promise<T> {
		const at = await versionNow(q);
		const key = JSON.stringify([userId, request]);
		const known = this.answers.get(at, key);
		if (known) return known;
		const answer = search();
		this.answers.set(at, key, answer);
		// A failed search is not an answer: the next question searches again.
		answer.catch(() => this.answers.delete(at, key));
		return answer;
	}
}

/** One store of answers per database handle: two databases (tests, a bench) never share one. */
const stores = new WeakMap<object, Answers<unknown>>();
export function answersOf<T>(q: Queryable): Answers<T> {
	let store = stores.get(q);
	if (!store) stores.set(q, (store = new Answers<unknown>()));
	return store as Answers<T>;
}

async function versionNow(q: Queryable): Promise<string> {
	return rowsOf<{ s: string }>(await q.execute(sql`select ${currentDataVersion} as s`))[0].s;
}
