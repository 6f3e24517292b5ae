import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin } from '../../fixtures/factories';
import { authenticate } from '../../../src/lib/server/auth/authenticate';
import { createAuthSession, validateAuthSessionToken } from '../../../src/lib/server/auth/auth-session';
import { beginTwoFactorEnrolment, confirmTwoFactorEnrolment } from '../../../src/lib/server/auth/two-factor-enrolment';
import { verifyTwoFactorLogin } from '../../../src/lib/server/auth/two-factor-login';
import { recoveryCodes, users } from '../../../src/lib/server/db/schema';
import { auditOf, enrolled, keyFromText, freshCode, refusal, totpAt, totpNow, wrongCode } from './two-factor-helpers';

let t: TestDb;
beforeAll(async () => (t = await testDb()));
afterAll(() => destroy(t));

describe('two-factor enrolment', () => {
	it('switches 2FA on with a code from the app and returns ten recovery codes, stored only as hashes', async () => {
		const u = await newUser(t.db, [['meelezer', 'leiden']]);
		const { key, codes } = await enrolled(t.db, u);
		expect(codes).toHaveLength(10);
		expect(new Set(codes).size).toBe(10);
		const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
		expect(row.totpEnabledAt).not.toBeNull();
		expect(row.totpKeyEncrypted).toBeTruthy();
		expect(row.totpKeyEncrypted).not.toContain(Buffer.from(key).toString('base64'));
		const stored = await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, u.id));
		expect(stored).toHaveLength(10);
		for (const code of codes) expect(stored.map((r) => r.codeHash)).not.toContain(code);
	});

	it('refuses a wrong code and leaves 2FA off', async () => {
		const u = await newUser(t.db);
		const { session } = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		const pending = beginTwoFactorEnrolment({ id: u.id, email: u.email });
		const key = keyFromText(pending.keyText);
		await refusal(
			confirmTwoFactorEnrolment(t.db, u.actor, session.id, { code: wrongCode(key), pending: pending.pending }, testOrigin),
			'auth_two_factor_wrong_code'
		);
		const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
		expect(row.totpEnabledAt).toBeNull();
	});

	it('keeps the pending key across reloads, and only for the user it was made for', async () => {
		const a = await newUser(t.db);
		const b = await newUser(t.db);
		const first = beginTwoFactorEnrolment({ id: a.id, email: a.email });
		expect(beginTwoFactorEnrolment({ id: a.id, email: a.email }, first.pending).keyText).toBe(first.keyText);
		expect(beginTwoFactorEnrolment({ id: b.id, email: b.email }, first.pending).keyText).not.toBe(first.keyText);
		const { session } = await createAuthSession(t.db, b.id, testOrigin, { twoFactorVerified: false });
		const code = totpNow(keyFromText(first.keyText));
		await refusal(confirmTwoFactorEnrolment(t.db, b.actor, session.id, { code, pending: first.pending }, testOrigin), 'auth_two_factor_setup_expired');
	});

	it('will not replace a working key (it must be switched off first)', async () => {
		const u = await newUser(t.db);
		const { login } = await enrolled(t.db, u);
		const again = beginTwoFactorEnrolment({ id: u.id, email: u.email });
		const code = totpNow(keyFromText(again.keyText));
		const err = await refusal(
			confirmTwoFactorEnrolment(t.db, u.actor, login.session.id, { code, pending: again.pending }, testOrigin),
			'auth_two_factor_already_enabled'
		);
		expect(err.status).toBe(409);
	});

	it('sends a collegelid to set-up until 2FA is on, and counts the enrolling session as verified', async () => {
		const u = await newUser(t.db, [['collegelid', 'oegstgeest']]);
		const login = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		expect((await authenticate(t.db, login.token))?.stage).toBe('two_factor_setup');
		const pending = beginTwoFactorEnrolment({ id: u.id, email: u.email });
		await confirmTwoFactorEnrolment(t.db, u.actor, login.session.id, { code: totpNow(keyFromText(pending.keyText)), pending: pending.pending }, testOrigin);
		expect((await authenticate(t.db, login.token))?.stage).toBe('ok');
	});
});

describe('two-factor login', () => {
	it('asks for a code after the password and completes the session with a TOTP code', async () => {
		const u = await newUser(t.db, [['administrator', null]]);
		const { key } = await enrolled(t.db, u);
		const next = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		expect((await authenticate(t.db, next.token))?.stage).toBe('two_factor');
		expect(await verifyTwoFactorLogin(t.db, u.actor, next.session.id, { code: await freshCode(t.db, u.id, key) }, testOrigin)).toBe('totp');
		expect((await authenticate(t.db, next.token))?.stage).toBe('ok');
	});

	it('accepts each code only once (RFC 6238): a code seen over a shoulder cannot be replayed', async () => {
		const u = await newUser(t.db);
		const { key } = await enrolled(t.db, u);
		const code = await freshCode(t.db, u.id, key);
		const a = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		const b = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		expect(await verifyTwoFactorLogin(t.db, u.actor, a.session.id, { code }, testOrigin)).toBe('totp');
		await refusal(verifyTwoFactorLogin(t.db, u.actor, b.session.id, { code }, testOrigin), 'auth_two_factor_wrong_code');
		expect((await authenticate(t.db, b.token))?.stage).toBe('two_factor');
	});

	it('accepts a code typed with a space', async () => {
		const u = await newUser(t.db);
		const { key } = await enrolled(t.db, u);
		const next = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		const code = await freshCode(t.db, u.id, key);
		await verifyTwoFactorLogin(t.db, u.actor, next.session.id, { code: `${code.slice(0, 3)} ${code.slice(3)}` }, testOrigin);
		expect((await authenticate(t.db, next.token))?.stage).toBe('ok');
	});

	it('refuses a wrong code, and after five wrong codes refuses even the right one for a while', async () => {
		const u = await newUser(t.db);
		const { key } = await enrolled(t.db, u);
		const next = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		for (let i = 0; i < 5; i++) {
			const err = await refusal(verifyTwoFactorLogin(t.db, u.actor, next.session.id, { code: wrongCode(key) }, testOrigin), 'auth_two_factor_wrong_code');
			expect(err.fields.code).toBe('validation_two_factor_code_wrong');
		}
		const limited = await refusal(
			verifyTwoFactorLogin(t.db, u.actor, next.session.id, { code: await freshCode(t.db, u.id, key) }, testOrigin),
			'auth_two_factor_rate_limited'
		);
		expect(limited.status).toBe(429);
		expect(Number(limited.params.minutes)).toBeGreaterThan(0);
		expect((await authenticate(t.db, next.token))?.stage).toBe('two_factor');
		// and after the window it works again
		const later = new Date(Date.now() + 16 * 60 * 1000);
		await verifyTwoFactorLogin(t.db, u.actor, next.session.id, { code: totpAt(key, later) }, testOrigin, later);
		expect((await authenticate(t.db, next.token, later))?.stage).toBe('ok');
		const failed = (await auditOf(t.db, u.id)).filter((r) => r.action === 'auth.two_factor_failed');
		expect(failed.map((r) => r.result)).toEqual(['failure', 'failure', 'failure', 'failure', 'failure', 'denied']);
	});

	it('counts wrong codes per account, not per session', async () => {
		const u = await newUser(t.db);
		const { key } = await enrolled(t.db, u);
		for (let i = 0; i < 5; i++) {
			const s = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
			await refusal(verifyTwoFactorLogin(t.db, u.actor, s.session.id, { code: wrongCode(key) }, testOrigin), 'auth_two_factor_wrong_code');
		}
		const fresh = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		await refusal(
			verifyTwoFactorLogin(t.db, u.actor, fresh.session.id, { code: await freshCode(t.db, u.id, key) }, testOrigin),
			'auth_two_factor_rate_limited'
		);
	});

	it('accepts a recovery code exactly once', async () => {
		const u = await newUser(t.db);
		const { codes } = await enrolled(t.db, u);
		const a = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		expect(await verifyTwoFactorLogin(t.db, u.actor, a.session.id, { code: codes[3].toUpperCase() }, testOrigin)).toBe('recovery_code');
		expect((await authenticate(t.db, a.token))?.stage).toBe('ok');
		const b = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		await refusal(verifyTwoFactorLogin(t.db, u.actor, b.session.id, { code: codes[3] }, testOrigin), 'auth_two_factor_wrong_code');
		expect((await authenticate(t.db, b.token))?.stage).toBe('two_factor');
		// another one still works
		await verifyTwoFactorLogin(t.db, u.actor, b.session.id, { code: codes[4] }, testOrigin);
		expect((await authenticate(t.db, b.token))?.stage).toBe('ok');
	});

	it('spends a recovery code once even when it is used twice at the same moment', async () => {
		const u = await newUser(t.db);
		const { codes } = await enrolled(t.db, u);
		const a = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		const b = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		const results = await Promise.allSettled([
			verifyTwoFactorLogin(t.db, u.actor, a.session.id, { code: codes[0] }, testOrigin),
			verifyTwoFactorLogin(t.db, u.actor, b.session.id, { code: codes[0] }, testOrigin)
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
	});

	it('refuses an empty code with a field error', async () => {
		const u = await newUser(t.db);
		const { login } = await enrolled(t.db, u);
		const err = await refusal(verifyTwoFactorLogin(t.db, u.actor, login.session.id, { code: '  ' }, testOrigin), 'error_validation');
		expect(err.fields.code).toBe('validation_two_factor_code_required');
	});

	it('refuses a code for an account without 2FA', async () => {
		const u = await newUser(t.db);
		const s = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		await refusal(verifyTwoFactorLogin(t.db, u.actor, s.session.id, { code: '123456' }, testOrigin), 'auth_two_factor_not_enabled');
		expect(await validateAuthSessionToken(t.db, s.token)).not.toBeNull();
	});
});

describe('two-factor audit trail', () => {
	it('records enrolment, verification, failures and recovery-code use without any secret', async () => {
		const u = await newUser(t.db);
		const { key, codes, pending } = await enrolled(t.db, u);
		const s = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		const bad = wrongCode(key);
		await refusal(verifyTwoFactorLogin(t.db, u.actor, s.session.id, { code: bad }, testOrigin), 'auth_two_factor_wrong_code');
		const good = await freshCode(t.db, u.id, key);
		await verifyTwoFactorLogin(t.db, u.actor, s.session.id, { code: good }, testOrigin);
		await verifyTwoFactorLogin(t.db, u.actor, s.session.id, { code: codes[0] }, testOrigin);
		const rows = await auditOf(t.db, u.id);
		const actions = rows.map((r) => r.action);
		expect(actions).toEqual(
			expect.arrayContaining(['auth.two_factor_enabled', 'auth.two_factor_failed', 'auth.two_factor_verified', 'auth.two_factor_recovery_code_used'])
		);
		expect(rows.find((r) => r.action === 'auth.two_factor_recovery_code_used')?.details).toMatchObject({ remaining: 9 });
		const text = JSON.stringify(rows);
		const keyText = pending.keyText.replace(/\s/g, '');
		for (const secret of [keyText, pending.pending, bad, good, ...codes, codes[0].replace('-', '')]) {
			expect(text).not.toContain(secret);
		}
	});
});
