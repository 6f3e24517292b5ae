import { describe, expect, it } from 'vitest';
import { VersionCache } from '../../../src/lib/server/db/version-cache';

/** Versions as the database says them: a bigint as decimal text. */
describe('what is kept per data version', () => {
	it('serves an entry at its own version only', () => {
		const cache = new VersionCache<{ v: number }>({ max: 10, ttl: 60_000 });
		cache.set('12', 'page', { v: 1 });
		expect(cache.get('12', 'page')).toEqual({ v: 1 });
		expect(cache.get('13', 'page')).toBeUndefined();
		expect(cache.get('11', 'page')).toBeUndefined();
	});

	it('drops every entry of an older version once a newer one is kept, and keeps nothing read at an older one afterwards', () => {
		const cache = new VersionCache<{ v: number }>({ max: 10, ttl: 60_000 });
		cache.set('12', 'a', { v: 1 });
		cache.set('12', 'b', { v: 2 });
		cache.set('12', 'c', { v: 3 });
		expect(cache.size).toBe(3);
		cache.set('13', 'a', { v: 4 });
		expect(cache.size).toBe(1);
		expect(cache.get('12', 'c')).toBeUndefined();
		// A request that read the older version before the write finishes its page afterwards: not kept.
		cache.set('12', 'late', { v: 5 });
		expect(cache.get('12', 'late')).toBeUndefined();
		expect(cache.get('13', 'a')).toEqual({ v: 4 });
	});

	it('compares versions as numbers, beyond 2^53 and across lengths', () => {
		const cache = new VersionCache<{ v: number }>({ max: 10, ttl: 60_000 });
		cache.set('9', 'a', { v: 1 });
		cache.set('10', 'b', { v: 2 });
		expect(cache.get('9', 'a')).toBeUndefined();
		cache.set('9007199254740993', 'c', { v: 3 });
		cache.set('9007199254740995', 'd', { v: 4 });
		expect(cache.get('9007199254740993', 'c')).toBeUndefined();
		cache.set('9007199254740994', 'old', { v: 5 });
		expect(cache.get('9007199254740994', 'old')).toBeUndefined();
		expect(cache.get('9007199254740995', 'd')).toEqual({ v: 4 });
	});

	it('holds at most maxSize by the sizes given, and empties a quiet cache when the time runs out', async () => {
		const cache = new VersionCache<{ v: number }>({ maxSize: 100, ttl: 50 });
		cache.set('2', 'a', { v: 1 }, 60);
		cache.set('2', 'b', { v: 2 }, 60);
		expect(cache.get('2', 'a')).toBeUndefined();
		expect(cache.get('2', 'b')).toEqual({ v: 2 });
		// Nobody asks again: the entry goes by itself (a quiet portal's memory is given back).
		await new Promise((r) => setTimeout(r, 150));
		expect(cache.size).toBe(0);
	});
});
