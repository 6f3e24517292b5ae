import type { Queryable } from '../../db';

/**
 * The public read models change only when the stamp does, so their results are kept in memory per stamp: a
 * public page then costs one cheap statement (the stamp) however many items it shows. A new stamp drops
 * everything read under the old one; the cache is per database (each test database, each app node its own)
 * and holds at most `MAX_ENTRIES` results, so odd addresses (every search term, unknown ids) cannot grow it.
 * A failed read (an id that is not public) is not kept: it is cheap and must not fill the cache.
 */
const MAX_ENTRIES = 500;

interface Generation {
	stamp: string;
	entries: Map<string, Promise<unknown>>;
}

const generations = new WeakMap<object, Generation>();

export async function cachedPublicRead<T>(q: Queryable, stamp: string, key: string, load: (q: Queryable) => Promise<T>): Promise<T> {
	let gen = generations.get(q);
	if (!gen || gen.stamp !== stamp) {
		gen = { stamp, entries: new Map() };
		generations.set(q, gen);
	}
	const hit = gen.entries.get(key);
	if (hit) return hit as Promise<T>;
	if (gen.entries.size >= MAX_ENTRIES) gen.entries.delete(gen.entries.keys().next().value as string);
	const entries = gen.entries;
	const pending = load(q);
	entries.set(key, pending);
	pending.catch(() => entries.delete(key));
	return pending;
}
