import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db';
import { rateLimits } from '../db/schema';

export interface Limit {
	/** Failures allowed within one window. */
	max: number;
	windowMs: number;
}

/** Login: five wrong passwords per account, thirty per address, per quarter of an hour. */
export const loginLimits = {
	account: { max: 5, windowMs: 15 * 60 * 1000 },
	address: { max: 30, windowMs: 15 * 60 * 1000 }
} as const satisfies Record<string, Limit>;

/** Seconds until the key may try again; 0 when it may now. */
export async function retryAfter(q: Queryable, key: string, limit: Limit, now = new Date()): Promise<number> {
	const [row] = await q.select().from(rateLimits).where(eq(rateLimits.key, key));
	if (!row || row.count < limit.max) return 0;
	const until = row.windowStart.getTime() + limit.windowMs;
	return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/** Counts one failure in the key's current window (a new window starts when the old one is over). */
export async function registerFailure(q: Queryable, key: string, limit: Limit, now = new Date()): Promise<void> {
	// Dates inside raw sql go as ISO text: postgres.js cannot serialise a Date there.
	const cutoff = new Date(now.getTime() - limit.windowMs).toISOString();
	const expired = sql`${rateLimits.windowStart} <= ${cutoff}::timestamptz`;
	await q
		.insert(rateLimits)
		.values({ key, count: 1, windowStart: now })
		.onConflictDoUpdate({
			target: rateLimits.key,
			set: {
				count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
				windowStart: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${rateLimits.windowStart} end`
			}
		});
}

export async function clearFailures(q: Queryable, key: string): Promise<void> {
	await q.delete(rateLimits).where(eq(rateLimits.key, key));
}
