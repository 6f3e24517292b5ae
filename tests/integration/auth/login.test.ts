import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, TEST_PASSWORD } from '../../fixtures/factories';
import { login } from '../../../src/lib/server/auth/login';
import { validateAuthSessionToken } from '../../../src/lib/server/auth/auth-session';
import { auditEvents } from '../../../src/lib/server/db/schema';
import { DomainError } from '../../../src/lib/server/errors';

let t: TestDb;
beforeAll(async () => (t = await testDb()));
afterAll(() => destroy(t));

async function loginError(input: unknown, origin = testOrigin, now?: Date): Promise<DomainError> {
	try {
		await login(t.db, input, origin, now);
	} catch (err) {
		if (err instanceof DomainError) return err;
		throw err;
	}
	throw new Error('login succeeded');
}

describe('login', () => {
	it('logs in with the right password (e-mail case-insensitive) and records it', async () => {
		const u = await newUser(t.db);
		const res = await login(t.db, { email: u.email.toUpperCase(), password: TEST_PASSWORD }, testOrigin);
		expect((await validateAuthSessionToken(t.db, res.token))?.user.id).toBe(u.id);
		const rows = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'auth.logged_in'), eq(auditEvents.actorUserId, u.id)));
		expect(rows.map((r) => r.result)).toEqual(['success']);
	});

	it('refuses a wrong password with one message for unknown and known accounts, and audits it', async () => {
		const u = await newUser(t.db);
		const wrong = await loginError({ email: u.email, password: 'niet-het-wachtwoord' });
		const unknown = await loginError({ email: 'niemand@test.regioportaal.nl', password: 'niet-het-wachtwoord' });
		expect(wrong.key).toBe('auth_bad_credentials');
		expect(unknown.key).toBe('auth_bad_credentials');
		const rows = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'auth.logged_in'), eq(auditEvents.actorLabel, u.email)));
		expect(rows.map((r) => r.result)).toEqual(['failure']);
		expect(JSON.stringify(rows)).not.toContain('niet-het-wachtwoord');
	});

	it('refuses a disabled account', async () => {
		const u = await newUser(t.db, [], { disabled: true });
		expect((await loginError({ email: u.email, password: TEST_PASSWORD })).key).toBe('auth_account_disabled');
	});

	it('limits attempts per account, with the wait in minutes, even for the right password', async () => {
		const u = await newUser(t.db);
		const now = new Date('2026-03-02T10:00:00Z');
		const origin = { ip: '198.51.100.7', userAgent: 'vitest' };
		for (let i = 0; i < 5; i++) await loginError({ email: u.email, password: 'fout-fout-fout' }, origin, now);
		const limited = await loginError({ email: u.email, password: TEST_PASSWORD }, { ip: '198.51.100.8', userAgent: 'x' }, now);
		expect(limited.key).toBe('auth_rate_limited');
		expect(limited.params.minutes).toBe(15);
		expect(limited.status).toBe(429);
		const denied = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.actorLabel, u.email), eq(auditEvents.result, 'denied')));
		expect(denied).toHaveLength(1);
		// after the window the right password works again
		const later = new Date(now.getTime() + 15 * 60 * 1000 + 1000);
		await expect(login(t.db, { email: u.email, password: TEST_PASSWORD }, origin, later)).resolves.toHaveProperty('token');
	});

	it('limits attempts per address across accounts', async () => {
		const origin = { ip: '203.0.113.99', userAgent: 'vitest' };
		const now = new Date('2026-03-03T10:00:00Z');
		for (let i = 0; i < 30; i++) await loginError({ email: `onbekend${i}@test.regioportaal.nl`, password: 'fout-fout-fout' }, origin, now);
		const u = await newUser(t.db);
		expect((await loginError({ email: u.email, password: TEST_PASSWORD }, origin, now)).key).toBe('auth_rate_limited');
		await expect(login(t.db, { email: u.email, password: TEST_PASSWORD }, { ip: '203.0.113.100', userAgent: 'x' }, now)).resolves.toHaveProperty('token');
	});

	it('rejects malformed input with field errors and stores nothing', async () => {
		const before = await t.db.select().from(auditEvents);
		const err = await loginError({ email: 'geen-adres', password: '' });
		expect(err.fields).toEqual({ email: 'validation_email', password: 'validation_required' });
		expect(await t.db.select().from(auditEvents)).toHaveLength(before.length);
	});
});
