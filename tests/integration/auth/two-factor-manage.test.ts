import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin } from '../../fixtures/factories';
import { authenticate } from '../../../src/lib/server/auth/authenticate';
import { STEP_UP_MS, createAuthSession, hasFreshTwoFactor, validateAuthSessionToken } from '../../../src/lib/server/auth/auth-session';
import { confirmTwoFactor, requireFreshTwoFactor } from '../../../src/lib/server/auth/two-factor-step-up';
import { disableTwoFactor } from '../../../src/lib/server/auth/two-factor-disable';
import { regenerateRecoveryCodes } from '../../../src/lib/server/auth/regenerate-recovery-codes';
import { verifyTwoFactorLogin } from '../../../src/lib/server/auth/two-factor-login';
import { recoveryCodes, users } from '../../../src/lib/server/db/schema';
import { auditOf, enrolled, freshCode, refusal, totpAt, wrongCode } from './two-factor-helpers';

let t: TestDb;
beforeAll(async () => (t = await testDb()));
afterAll(() => destroy(t));

describe('step-up ("confirm again")', () => {
	it('needs a second factor confirmed within the step-up window, and a code renews it', async () => {
		const u = await newUser(t.db, [['collegelid', 'leiden']]);
		const { key, login } = await enrolled(t.db, u);
		const verifiedAt = (await validateAuthSessionToken(t.db, login.token))!.session;
		expect(hasFreshTwoFactor(verifiedAt)).toBe(true);
		expect(() => requireFreshTwoFactor(verifiedAt)).not.toThrow();

		const later = new Date(Date.now() + STEP_UP_MS + 60_000);
		expect(hasFreshTwoFactor(verifiedAt, later)).toBe(false);
		expect(() => requireFreshTwoFactor(verifiedAt, later)).toThrowError('auth_step_up_required');

		await confirmTwoFactor(t.db, u.actor, login.session.id, { code: totpAt(key, later) }, testOrigin, later);
		const renewed = (await validateAuthSessionToken(t.db, login.token, later))!.session;
		expect(renewed.twoFactorVerifiedAt?.getTime()).toBe(later.getTime());
		expect(hasFreshTwoFactor(renewed, later)).toBe(true);
	});

	it('refuses a wrong code without renewing, and shares the wrong-code limit', async () => {
		const u = await newUser(t.db);
		const { key, login } = await enrolled(t.db, u);
		const before = (await validateAuthSessionToken(t.db, login.token))!.session.twoFactorVerifiedAt;
		await refusal(confirmTwoFactor(t.db, u.actor, login.session.id, { code: wrongCode(key) }, testOrigin), 'auth_two_factor_wrong_code');
		expect((await validateAuthSessionToken(t.db, login.token))!.session.twoFactorVerifiedAt).toEqual(before);
		for (let i = 0; i < 4; i++) {
			await refusal(confirmTwoFactor(t.db, u.actor, login.session.id, { code: wrongCode(key) }, testOrigin), 'auth_two_factor_wrong_code');
		}
		await refusal(confirmTwoFactor(t.db, u.actor, login.session.id, { code: await freshCode(t.db, u.id, key) }, testOrigin), 'auth_two_factor_rate_limited');
	});
});

describe('turning 2FA off', () => {
	it('is refused for a collegelid and for an administrator, even with the right code', async () => {
		for (const grant of [
			['collegelid', 'voorschoten'],
			['administrator', null]
		] as const) {
			const u = await newUser(t.db, [[grant[0], grant[1]]]);
			const { key, login } = await enrolled(t.db, u);
			const err = await refusal(
				disableTwoFactor(t.db, u.actor, login.session.id, { code: await freshCode(t.db, u.id, key) }, testOrigin),
				'auth_two_factor_required_for_role'
			);
			expect(err.status).toBe(403);
			const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
			expect(row.totpEnabledAt).not.toBeNull();
			expect((await auditOf(t.db, u.id)).some((r) => r.action === 'auth.two_factor_disabled' && r.result === 'denied')).toBe(true);
		}
	});

	it('is refused for someone who is also a collegelid elsewhere', async () => {
		const u = await newUser(t.db, [
			['klankbordgroeplid', 'leiden'],
			['collegelid', 'zoeterwoude']
		]);
		const { key, login } = await enrolled(t.db, u);
		await refusal(
			disableTwoFactor(t.db, u.actor, login.session.id, { code: await freshCode(t.db, u.id, key) }, testOrigin),
			'auth_two_factor_required_for_role'
		);
	});

	it('works for an optional role with a current code: key and recovery codes are gone', async () => {
		const u = await newUser(t.db, [['klankbordgroeplid', 'leiderdorp']]);
		const { key, login } = await enrolled(t.db, u);
		await refusal(disableTwoFactor(t.db, u.actor, login.session.id, { code: wrongCode(key) }, testOrigin), 'auth_two_factor_wrong_code');
		await disableTwoFactor(t.db, u.actor, login.session.id, { code: await freshCode(t.db, u.id, key) }, testOrigin);
		const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
		expect(row.totpEnabledAt).toBeNull();
		expect(row.totpKeyEncrypted).toBeNull();
		expect(await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, u.id))).toHaveLength(0);
		// the next login needs only the password
		const next = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		expect((await authenticate(t.db, next.token))?.stage).toBe('ok');
		expect((await auditOf(t.db, u.id)).some((r) => r.action === 'auth.two_factor_disabled' && r.result === 'success')).toBe(true);
	});
});

describe('new recovery codes', () => {
	it('replaces the old codes after a current code, and only the new ones work', async () => {
		const u = await newUser(t.db, [['administrator', null]]);
		const { key, codes, login } = await enrolled(t.db, u);
		await refusal(regenerateRecoveryCodes(t.db, u.actor, login.session.id, { code: wrongCode(key) }, testOrigin), 'auth_two_factor_wrong_code');
		const fresh = await regenerateRecoveryCodes(t.db, u.actor, login.session.id, { code: await freshCode(t.db, u.id, key) }, testOrigin);
		expect(fresh).toHaveLength(10);
		expect(fresh.some((c) => codes.includes(c))).toBe(false);
		const s = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		await refusal(verifyTwoFactorLogin(t.db, u.actor, s.session.id, { code: codes[0] }, testOrigin), 'auth_two_factor_wrong_code');
		await verifyTwoFactorLogin(t.db, u.actor, s.session.id, { code: fresh[0] }, testOrigin);
		expect((await authenticate(t.db, s.token))?.stage).toBe('ok');
		const rows = await auditOf(t.db, u.id);
		expect(rows.some((r) => r.action === 'auth.two_factor_recovery_codes_regenerated')).toBe(true);
		const text = JSON.stringify(rows);
		for (const code of [...codes, ...fresh]) expect(text).not.toContain(code);
	});
});
