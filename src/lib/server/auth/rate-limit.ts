import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db';
import { rateLimits } from '../db/schema';

export interface Limit {
	/** Failures allowed within one window. */
	max: number;
	windowMs: number;
}

const quarterOfAnHour = 15 * 60 * 1000;

/**
 * Login (docs/security.md): an address that guesses is refused, an account is never locked.
 * - `pair`: five wrong passwords for one account from one address refuse that address for that account;
 * - `address`: thirty from one address, whatever the accounts, refuse that address;
 * - `account`: beyond ten from all addresses together the account is under attack: every further attempt
 *   on it waits (`attackDelayMs`) before the password is checked, but the right password still gets in.
 */
export const loginLimits = {
	pair: { max: 5, windowMs: quarterOfAnHour },
	address: { max: 30, windowMs: quarterOfAnHour },
	account: { max: 10, windowMs: quarterOfAnHour }
} as const satisfies Record<string, Limit>;

/** Wrong current passwords when a logged-in person changes theirs: five per quarter of an hour. */
export const passwordChangeLimit: Limit = { max: 5, windowMs: quarterOfAnHour };

/**
 * The wait before an attempt on an account under attack: one second at the limit, doubling with every further
 * failure, at most eight. It slows a guesser spread over many addresses, and costs the owner a few seconds once.
 */
export function attackDelayMs(failures: number, limit: Limit = loginLimits.account): number {
	if (failures < limit.max) return 0;
	return Math.min(8000, 1000 * 2 ** Math.min(failures - limit.max, 3));
}

/** The failures counted for the key in its current window (0 when the window is over). */
export async function failureCount(q: Queryable, key: string, limit: Limit, now = new Date()): Promise<number> {
	const [row] = await q.select().from(rateLimits).where(eq(rateLimits.key, key));
	if (!row || row.windowStart.getTime() + limit.windowMs <= now.getTime()) return 0;
	return row.count;
}

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
