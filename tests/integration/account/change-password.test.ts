import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, TEST_PASSWORD } from '../../fixtures/factories';
import { createAuthSession, validateAuthSessionToken } from '../../../src/lib/server/auth/auth-session';
import { login } from '../../../src/lib/server/auth/login';
import { changePassword } from '../../../src/lib/server/modules/account';
import { auditOf, refusal } from '../auth/two-factor-helpers';

let t: TestDb;
beforeAll(async () => (t = await testDb()));
afterAll(() => destroy(t));

const NEW_PASSWORD = 'mijn-nieuwe-wachtwoordzin';
const change = (current: string, password = NEW_PASSWORD, repeat = password) => ({ current, password, repeat });

describe('change password', () => {
	it('requires the current password, and audits the failure without the password', async () => {
		const u = await newUser(t.db);
		const here = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		const err = await refusal(changePassword(t.db, u.actor, here.session.id, change('niet-mijn-wachtwoord'), testOrigin), 'error_validation');
		expect(err.fields.current).toBe('validation_current_password_wrong');
		await expect(login(t.db, { email: u.email, password: TEST_PASSWORD }, testOrigin)).resolves.toBeTruthy();
		const audit = await auditOf(t.db, u.id);
		expect(audit.find((r) => r.action === 'account.password_changed')?.result).toBe('failure');
		expect(JSON.stringify(audit)).not.toContain('niet-mijn-wachtwoord');
	});

	it('checks length and repetition of the new password', async () => {
		const u = await newUser(t.db);
		const here = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		const short = await refusal(changePassword(t.db, u.actor, here.session.id, change(TEST_PASSWORD, 'elf-tekens!'), testOrigin), 'error_validation');
		expect(short.fields.password).toBe('validation_password_too_short');
		const mismatch = await refusal(
			changePassword(t.db, u.actor, here.session.id, change(TEST_PASSWORD, NEW_PASSWORD, 'iets-anders-dan-dat'), testOrigin),
			'error_validation'
		);
		expect(mismatch.fields.repeat).toBe('validation_password_mismatch');
		const empty = await refusal(changePassword(t.db, u.actor, here.session.id, {}, testOrigin), 'error_validation');
		expect(Object.keys(empty.fields).sort()).toEqual(['current', 'password', 'repeat']);
	});

	it('changes the password, keeps this session and ends the others', async () => {
		const u = await newUser(t.db);
		const here = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		const there = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		await changePassword(t.db, u.actor, here.session.id, change(TEST_PASSWORD), testOrigin);
		expect(await validateAuthSessionToken(t.db, here.token)).not.toBeNull();
		expect(await validateAuthSessionToken(t.db, there.token)).toBeNull();
		await expect(login(t.db, { email: u.email, password: NEW_PASSWORD }, testOrigin)).resolves.toBeTruthy();
		await refusal(login(t.db, { email: u.email, password: TEST_PASSWORD }, testOrigin), 'auth_bad_credentials');
		const audit = await auditOf(t.db, u.id);
		const ok = audit.find((r) => r.action === 'account.password_changed' && r.result === 'success');
		expect(ok?.details).toEqual({ endedSessions: 1 });
		const text = JSON.stringify(audit);
		expect(text).not.toContain(NEW_PASSWORD);
		expect(text).not.toContain(TEST_PASSWORD);
	});

	it('stops guessing the current password after five wrong tries', async () => {
		const u = await newUser(t.db);
		const here = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		for (let i = 0; i < 5; i++) {
			await refusal(changePassword(t.db, u.actor, here.session.id, change(`fout-wachtwoord-${i}`), testOrigin), 'error_validation');
		}
		const limited = await refusal(changePassword(t.db, u.actor, here.session.id, change(TEST_PASSWORD), testOrigin), 'auth_rate_limited');
		expect(limited.status).toBe(429);
	});
});
