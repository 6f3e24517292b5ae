import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin } from '../../fixtures/factories';
import { createAuthSession, validateAuthSessionToken } from '../../../src/lib/server/auth/auth-session';
import { accountOverview } from '../../../src/lib/server/modules/account';
import { changeName } from '../../../src/lib/server/modules/account';
import { changeLocale } from '../../../src/lib/server/modules/account';
import { endOtherSession } from '../../../src/lib/server/modules/account';
import { users } from '../../../src/lib/server/db/schema';
import { auditOf, enrolled, refusal } from '../auth/two-factor-helpers';

let t: TestDb;
beforeAll(async () => (t = await testDb()));
afterAll(() => destroy(t));

describe('my account', () => {
	it('shows name, e-mail, 2FA status and the active sessions, the current one first', async () => {
		const u = await newUser(t.db, [['collegelid', 'leiden']]);
		const other = await createAuthSession(t.db, u.id, { ip: '203.0.113.5', userAgent: 'Firefox' }, { twoFactorVerified: false });
		const { login: here } = await enrolled(t.db, u);
		const view = await accountOverview(t.db, u.actor, here.session.id);
		expect(view).toMatchObject({ name: u.name, email: u.email, locale: 'nl' });
		expect(view.twoFactor).toMatchObject({ required: true, recoveryCodesLeft: 10 });
		expect(view.twoFactor.enabledAt).toBeInstanceOf(Date);
		expect(view.sessions).toHaveLength(2);
		expect(view.sessions[0].current).toBe(true);
		expect(view.sessions[1]).toMatchObject({ current: false, ip: '203.0.113.5', userAgent: 'Firefox' });
		// the page never carries a session id (the hash of a cookie token)
		expect(JSON.stringify(view)).not.toContain(other.session.id);
	});

	it('changes the display name, audited', async () => {
		const u = await newUser(t.db);
		const err = await refusal(changeName(t.db, u.actor, { name: '   ' }, testOrigin), 'error_validation');
		expect(err.fields.name).toBe('validation_required');
		await changeName(t.db, u.actor, { name: '  Anouk de Vries ' }, testOrigin);
		const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
		expect(row.name).toBe('Anouk de Vries');
		const audit = await auditOf(t.db, u.id);
		expect(audit.find((r) => r.action === 'account.name_changed')).toMatchObject({
			actorLabel: 'Anouk de Vries',
			details: { from: u.name, to: 'Anouk de Vries' }
		});
	});

	it('stores the language preference, only a known one', async () => {
		const u = await newUser(t.db);
		await refusal(changeLocale(t.db, u.actor, { locale: 'fr' }, testOrigin), 'error_validation');
		expect(await changeLocale(t.db, u.actor, { locale: 'en' }, testOrigin)).toBe('en');
		const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
		expect(row.locale).toBe('en');
		expect((await auditOf(t.db, u.id)).some((r) => r.action === 'account.locale_changed')).toBe(true);
	});

	it('ends another session of the user, but not the current one and not someone else’s', async () => {
		const u = await newUser(t.db);
		const stranger = await newUser(t.db);
		const here = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		const there = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		const theirs = await createAuthSession(t.db, stranger.id, testOrigin, { twoFactorVerified: false });
		const mine = (await accountOverview(t.db, u.actor, here.session.id)).sessions;
		const current = mine.find((s) => s.current)!;
		const other = mine.find((s) => !s.current)!;
		const [strangers] = (await accountOverview(t.db, stranger.actor, theirs.session.id)).sessions;

		const err = await refusal(endOtherSession(t.db, u.actor, here.session.id, { ref: current.ref }, testOrigin), 'account_session_is_current');
		expect(err.status).toBe(400);
		await refusal(endOtherSession(t.db, u.actor, here.session.id, { ref: strangers.ref }, testOrigin), 'account_session_not_found');
		expect(await validateAuthSessionToken(t.db, theirs.token)).not.toBeNull();

		await endOtherSession(t.db, u.actor, here.session.id, { ref: other.ref }, testOrigin);
		expect(await validateAuthSessionToken(t.db, there.token)).toBeNull();
		expect(await validateAuthSessionToken(t.db, here.token)).not.toBeNull();
		expect((await auditOf(t.db, u.id)).some((r) => r.action === 'account.session_ended')).toBe(true);
	});
});
