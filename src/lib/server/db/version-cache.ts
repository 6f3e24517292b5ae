import { LRUCache } from 'lru-cache';

/**
 * What was read or rendered at one data version (`db/data-version.ts`), kept for requests at the same version:
 * every committed change the pages can show, on any app node, raises it, so an entry is never served after such a
 * change.
 *
 * The version never goes back: once a request has read a higher one, no later request can read an older one
 * again, so its entries are dead weight. They are dropped then, instead of waiting for the least recently used to
 * be pushed out: on a portal where people write, the cache holds little more than the current version's entries.
 * The time limit empties a quiet portal's cache (the entries are removed when it runs out, not when next asked for).
 */
export class VersionCache<V extends object> {
	private readonly entries: LRUCache<string, V>;
	private newest = -1n;

	constructor(options: { max: number; ttl: number } | { maxSize: number; ttl: number }) {
		this.entries = new LRUCache<string, V>({
			...options,
			ttlAutopurge: true,
			...('maxSize' in options ? { sizeCalculation: () => 1 } : {})
		});
	}

	get(version: string, key: string): V | undefined {
		return this.entries.get(keyOf(version, key));
	}

	/** Keeps `value` (its `size` counted against `maxSize`), unless a higher version has been seen meanwhile. */
	set(version: string, key: string, value: V, size?: number): void {
		const order = orderOf(version);
		if (order < this.newest) return;
		if (order > this.newest) this.forgetBefore(order);
		this.entries.set(keyOf(version, key), value, size === undefined ? undefined : { size: Math.max(1, size) });
	}

	delete(version: string, key: string): void {
		this.entries.delete(keyOf(version, key));
	}

	get size(): number {
		return this.entries.size;
	}

	private forgetBefore(order: bigint): void {
		this.newest = order;
		for (const key of [...this.entries.keys()]) if (orderOf(key.slice(0, key.indexOf('\n'))) < order) this.entries.delete(key);
	}
}

const keyOf = (version: string, key: string) => `${version}\n${key}`;

/** The version as a number (a bigint column, compared exactly); a text of another shape sorts with the oldest. */
function orderOf(version: string): bigint {
	return /^\d+$/.test(version) ? BigInt(version) : -1n;
}
