import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, TEST_PASSWORD } from '../../fixtures/factories';
import { login } from '../../../src/lib/server/auth/login';
import { validateAuthSessionToken } from '../../../src/lib/server/auth/auth-session';
import { auditEvents } from '../../../src/lib/server/db/schema';
import { DomainError } from '../../../src/lib/server/errors';
import { verifyTwoFactorLogin } from '../../../src/lib/server/auth/two-factor-login';
import { enrolled, freshCode } from './two-factor-helpers';

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

	// Before: five wrong passwords locked the account itself for 15 minutes, the right password included, so
	// anyone who knew an address could keep its owner out. Now only the guessing address is refused.
	it('refuses the address that guessed five times for one account, with the wait in minutes, even for the right password', async () => {
		const u = await newUser(t.db);
		const now = new Date('2026-03-02T10:00:00Z');
		const origin = { ip: '198.51.100.7', userAgent: 'vitest' };
		for (let i = 0; i < 5; i++) await loginError({ email: u.email, password: 'fout-fout-fout' }, origin, now);
		const limited = await loginError({ email: u.email, password: TEST_PASSWORD }, origin, now);
		expect(limited.key).toBe('auth_rate_limited_address');
		expect(limited.params.minutes).toBe(15);
		expect(limited.status).toBe(429);
		const denied = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.actorLabel, u.email), eq(auditEvents.result, 'denied')));
		expect(denied).toHaveLength(1);
		// another address is not refused: the account is not locked
		await expect(login(t.db, { email: u.email, password: TEST_PASSWORD }, { ip: '198.51.100.8', userAgent: 'x' }, now)).resolves.toHaveProperty('token');
		// after the window the right password works from the guessing address again
		const later = new Date(now.getTime() + 15 * 60 * 1000 + 1000);
		await expect(login(t.db, { email: u.email, password: TEST_PASSWORD }, origin, later)).resolves.toHaveProperty('token');
	});

	it('limits attempts per address across accounts', async () => {
		const origin = { ip: '203.0.113.99', userAgent: 'vitest' };
		const now = new Date('2026-03-03T10:00:00Z');
		for (let i = 0; i < 30; i++) await loginError({ email: `onbekend${i}@test.regioportaal.nl`, password: 'fout-fout-fout' }, origin, now);
		const u = await newUser(t.db);
		expect((await loginError({ email: u.email, password: TEST_PASSWORD }, origin, now)).key).toBe('auth_rate_limited_address');
		await expect(login(t.db, { email: u.email, password: TEST_PASSWORD }, { ip: '203.0.113.100', userAgent: 'x' }, now)).resolves.toHaveProperty('token');
	});

	it("an owner's own typos from an address are forgiven once the right password is given there", async () => {
		const u = await newUser(t.db);
		const now = new Date('2026-03-05T10:00:00Z');
		const origin = { ip: '198.51.100.30', userAgent: 'vitest' };
		for (let i = 0; i < 4; i++) await loginError({ email: u.email, password: 'tikfout' }, origin, now);
		await login(t.db, { email: u.email, password: TEST_PASSWORD }, origin, now);
		for (let i = 0; i < 4; i++) await loginError({ email: u.email, password: 'tikfout' }, origin, now);
		await expect(login(t.db, { email: u.email, password: TEST_PASSWORD }, origin, now)).resolves.toHaveProperty('token');
	});
});

describe('a stranger who knows the address cannot keep its owner out', () => {
	const now = new Date(); // the owner's session is checked as of now
	const strangerAt = { ip: '203.0.113.66', userAgent: 'curl' };
	const ownerAt = { ip: '198.51.100.20', userAgent: 'Firefox' };

	it('after 20 failures from one address: the stranger is refused from the sixth on, the owner gets in from elsewhere', async () => {
		const u = await newUser(t.db);
		const keys: string[] = [];
		for (let i = 0; i < 20; i++) keys.push((await loginError({ email: u.email, password: `gok-${i}` }, strangerAt, now)).key);
		expect(keys.slice(0, 5)).toEqual(Array(5).fill('auth_bad_credentials'));
		expect(new Set(keys.slice(5))).toEqual(new Set(['auth_rate_limited_address']));
		// even the right password is refused from the guessing address
		expect((await loginError({ email: u.email, password: TEST_PASSWORD }, strangerAt, now)).key).toBe('auth_rate_limited_address');
		const owner = await login(t.db, { email: u.email, password: TEST_PASSWORD }, ownerAt, now);
		expect((await validateAuthSessionToken(t.db, owner.token))?.user.id).toBe(u.id);
	});

	it('after 20 failures spread over 20 addresses: every further attempt waits longer, the owner still gets in', async () => {
		const u = await newUser(t.db);
		const waits: number[] = [];
		const pause = async (ms: number) => void waits.push(ms);
		for (let i = 0; i < 20; i++) {
			const err = await login(t.db, { email: u.email, password: `gok-${i}` }, { ip: `203.0.113.${100 + i}`, userAgent: 'bot' }, now, pause).catch(
				(e: unknown) => e
			);
			expect((err as DomainError).key).toBe('auth_bad_credentials');
		}
		// from the eleventh failure on, each attempt waited: 1 s, 2 s, 4 s, then 8 s at most
		expect(waits).toEqual([1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000, 8000, 8000]);
		const owner = await login(t.db, { email: u.email, password: TEST_PASSWORD }, ownerAt, now, pause);
		expect((await validateAuthSessionToken(t.db, owner.token))?.user.id).toBe(u.id);
		const [audited] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'auth.logged_in'), eq(auditEvents.actorUserId, u.id), eq(auditEvents.result, 'success')));
		expect(audited.details).toMatchObject({ stage: 'complete', delayedMs: 8000 });
	});

	it("an owner with a second factor: the right password and a valid code complete the login after a stranger's 20 failures", async () => {
		const u = await newUser(t.db, [['collegelid', 'leiden']]);
		const { key } = await enrolled(t.db, u);
		for (let i = 0; i < 20; i++) await loginError({ email: u.email, password: `gok-${i}` }, strangerAt, now);
		const first = await login(t.db, { email: u.email, password: TEST_PASSWORD }, ownerAt, now, async () => {});
		expect(first.needsTwoFactor).toBe(true);
		const method = await verifyTwoFactorLogin(t.db, u.actor, first.session.id, { code: await freshCode(t.db, u.id, key) }, ownerAt);
		expect(method).toBe('totp');
		expect((await validateAuthSessionToken(t.db, first.token))?.session.twoFactorVerifiedAt).toBeInstanceOf(Date);
	});
});

describe('login input', () => {
	it('rejects malformed input with field errors and stores nothing', async () => {
		const before = await t.db.select().from(auditEvents);
		const err = await loginError({ email: 'geen-adres', password: '' });
		expect(err.fields).toEqual({ email: 'validation_email', password: 'validation_required' });
		expect(await t.db.select().from(auditEvents)).toHaveLength(before.length);
	});
});
