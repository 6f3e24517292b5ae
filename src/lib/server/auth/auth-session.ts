import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../db';
import { authSessions, users } from '../db/schema';
import { currentDataVersion } from '../db/data-version';
import { generateToken, hashToken } from './tokens';
import type { Origin } from '../modules/audit';

/** Idle expiry: a session not used for this long ends (sliding). */
export const IDLE_MS = 12 * 60 * 60 * 1000;
/** Absolute lifetime: however active, a session ends this long after login. */
export const ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** Step-up window: sign-offs and similar need 2FA confirmed this recently. */
export const STEP_UP_MS = 10 * 60 * 1000;

export type AuthSession = typeof authSessions.$inferSelect;
export type SessionUser = Pick<typeof users.$inferSelect, 'id' | 'email' | 'name' | 'locale' | 'totpEnabledAt' | 'disabledAt'>;

export interface NewAuthSession {
	token: string;
	session: AuthSession;
}

export async function createAuthSession(
	q: Queryable,
	userId: string,
	origin: Origin,
	opts: { twoFactorVerified: boolean; now?: Date }
): Promise<NewAuthSession> {
	const now = opts.now ?? new Date();
	const token = generateToken();
	const [session] = await q
		.insert(authSessions)
		.values({
			id: hashToken(token),
			userId,
			createdAt: now,
			expiresAt: new Date(now.getTime() + IDLE_MS),
			absoluteExpiresAt: new Date(now.getTime() + ABSOLUTE_MS),
			twoFactorVerifiedAt: opts.twoFactorVerified ? now : null,
			ip: origin.ip,
			userAgent: origin.userAgent?.slice(0, 500) ?? null
		})
		.returning();
	return { token, session };
}

/**
 * Looks a token up; ends it when idle or past its lifetime; slides the idle expiry when half used. Also says the
 * data version as the session was read (`db/data-version.ts`, raised by every committed change the pages can show):
 * what was read for this request may be reused for another at the same version, without asking again.
 */
export async function validateAuthSessionToken(
	q: Queryable,
	token: string,
	now = new Date()
): Promise<{ session: AuthSession; user: SessionUser; dataVersion: string } | null> {
	const id = hashToken(token);
	const [row] = await q
		.select({ session: authSessions, user: users, dataVersion: currentDataVersion })
		.from(authSessions)
		.innerJoin(users, eq(users.id, authSessions.userId))
		.where(eq(authSessions.id, id));
	if (!row) return null;
	const { session, user, dataVersion } = row;
	const t = now.getTime();
	if (user.disabledAt || t >= session.expiresAt.getTime() || t >= session.absoluteExpiresAt.getTime()) {
		await q.delete(authSessions).where(eq(authSessions.id, id));
		return null;
	}
	if (session.expiresAt.getTime() - t < IDLE_MS / 2) {
		session.expiresAt = new Date(Math.min(t + IDLE_MS, session.absoluteExpiresAt.getTime()));
		await q.update(authSessions).set({ expiresAt: session.expiresAt }).where(eq(authSessions.id, id));
	}
	const { id: userId, email, name, locale, totpEnabledAt, disabledAt } = user;
	return { session, user: { id: userId, email, name, locale, totpEnabledAt, disabledAt }, dataVersion };
}

/**
 * Which of these sessions are still valid (not ended, not expired, their person not disabled), without
 * extending any: a page left open is not activity, so it must not keep a login alive.
 */
export async function stillValidSessions(q: Queryable, ids: string[], now = new Date()): Promise<Set<string>> {
	if (!ids.length) return new Set();
	const rows = await q
		.select({ id: authSessions.id })
		.from(authSessions)
		.innerJoin(users, eq(users.id, authSessions.userId))
		.where(and(inArray(authSessions.id, ids), isNull(users.disabledAt), gt(authSessions.expiresAt, now), gt(authSessions.absoluteExpiresAt, now)));
	return new Set(rows.map((r) => r.id));
}

export async function markTwoFactorVerified(q: Queryable, sessionId: string, now = new Date()) {
	await q.update(authSessions).set({ twoFactorVerifiedAt: now }).where(eq(authSessions.id, sessionId));
}

export async function invalidateAuthSession(q: Queryable, sessionId: string): Promise<void> {
	await q.delete(authSessions).where(eq(authSessions.id, sessionId));
}

/** Ends every session of a user; returns their ids so live sockets can be disconnected too. */
export async function invalidateUserAuthSessions(q: Queryable, userId: string): Promise<string[]> {
	const rows = await q.delete(authSessions).where(eq(authSessions.userId, userId)).returning({ id: authSessions.id });
	return rows.map((r) => r.id);
}

export function hasFreshTwoFactor(session: AuthSession, now = new Date()): boolean {
	return !!session.twoFactorVerifiedAt && now.getTime() - session.twoFactorVerifiedAt.getTime() < STEP_UP_MS;
}
