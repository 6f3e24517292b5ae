import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin } from '../../fixtures/factories';
import { ABSOLUTE_MS, IDLE_MS, createAuthSession, invalidateUserAuthSessions, validateAuthSessionToken } from '../../../src/lib/server/auth/auth-session';
import { hashToken } from '../../../src/lib/server/auth/tokens';
import { authSessions, users } from '../../../src/lib/server/db/schema';

let t: TestDb;
beforeAll(async () => (t = await testDb()));
afterAll(() => destroy(t));

const hours = (h: number) => h * 60 * 60 * 1000;

describe('auth sessions', () => {
	it('stores only the SHA-256 of a token of at least 160 bits', async () => {
		const u = await newUser(t.db);
		const { token, session } = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		expect(token.length * 5).toBeGreaterThanOrEqual(160);
		expect(session.id).toBe(hashToken(token));
		const rows = await t.db.select().from(authSessions).where(eq(authSessions.userId, u.id));
		expect(rows.map((r) => r.id)).not.toContain(token);
	});

	it('gives a new token at every login', async () => {
		const u = await newUser(t.db);
		const a = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		const b = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		expect(a.token).not.toBe(b.token);
	});

	it('ends a session after the idle time', async () => {
		const u = await newUser(t.db);
		const start = new Date('2026-01-05T09:00:00Z');
		const { token } = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false, now: start });
		expect(await validateAuthSessionToken(t.db, token, new Date(start.getTime() + IDLE_MS - 1000))).not.toBeNull();
		const late = new Date(start.getTime() + IDLE_MS - 1000 + IDLE_MS + 1000);
		expect(await validateAuthSessionToken(t.db, token, late)).toBeNull();
		// and it is gone, not merely refused
		expect(
			await t.db
				.select()
				.from(authSessions)
				.where(eq(authSessions.id, hashToken(token)))
		).toHaveLength(0);
	});

	it('slides the idle expiry while in use, but never past the absolute lifetime', async () => {
		const u = await newUser(t.db);
		const start = new Date('2026-01-05T09:00:00Z');
		const { token } = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false, now: start });
		let now = start.getTime();
		// use it every 8 hours: each use slides the idle window
		while (now + hours(8) < start.getTime() + ABSOLUTE_MS) {
			now += hours(8);
			const ok = await validateAuthSessionToken(t.db, token, new Date(now));
			expect(ok, `still valid at +${(now - start.getTime()) / hours(1)}h`).not.toBeNull();
		}
		expect(await validateAuthSessionToken(t.db, token, new Date(start.getTime() + ABSOLUTE_MS))).toBeNull();
	});

	it('refuses the session of a disabled user', async () => {
		const u = await newUser(t.db);
		const { token } = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, u.id));
		expect(await validateAuthSessionToken(t.db, token)).toBeNull();
	});

	it('ends every session of a user at once', async () => {
		const u = await newUser(t.db);
		const a = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		const b = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		const ended = await invalidateUserAuthSessions(t.db, u.id);
		expect(ended.sort()).toEqual([a.session.id, b.session.id].sort());
		expect(await validateAuthSessionToken(t.db, a.token)).toBeNull();
		expect(await validateAuthSessionToken(t.db, b.token)).toBeNull();
	});
});
