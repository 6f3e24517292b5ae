import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { createAuthSession, validateAuthSessionToken } from '../../../src/lib/server/auth/auth-session';
import { createEmailToken, peekEmailToken } from '../../../src/lib/server/auth/email-tokens';
import { auditEvents, memberships, recoveryCodes, users } from '../../../src/lib/server/db/schema';
import { DomainError, ValidationError } from '../../../src/lib/server/errors';
import { disableUser } from '../../../src/lib/server/modules/users/disable-user';
import { enableUser } from '../../../src/lib/server/modules/users/enable-user';
import { resetTwoFactor } from '../../../src/lib/server/modules/users/reset-two-factor';
import { setRoles } from '../../../src/lib/server/modules/users/set-roles';
import { updateUser } from '../../../src/lib/server/modules/users/update-user';

let t: TestDb;
let admin: NewUser;

beforeAll(async () => {
	t = await testDb();
	admin = await newUser(t.db, [['administrator', null]], { name: 'Beheerder Test' });
});
afterAll(() => destroy(t));

const auditOf = (action: string, objectId: string) =>
	t.db
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.action, action), eq(auditEvents.objectId, objectId)));
const rolesOf = async (userId: string) =>
	(await t.db.select().from(memberships).where(eq(memberships.userId, userId)))
		.map((r) => (r.municipalityId ? `${r.role}:${r.municipalityId}` : r.role))
		.sort();

describe('disabling and enabling an account', () => {
	it('ends every session, voids open e-mail links and is audited', async () => {
		const u = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
		const a = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		const b = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		const link = await createEmailToken(t.db, { userId: u.id, purpose: 'password_reset' });

		await disableUser(t.db, admin.actor, u.id, testOrigin);

		expect(await validateAuthSessionToken(t.db, a.token)).toBeNull();
		expect(await validateAuthSessionToken(t.db, b.token)).toBeNull();
		await expect(peekEmailToken(t.db, link, 'password_reset')).rejects.toMatchObject({ key: 'auth_link_used' });
		const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
		expect(row.disabledAt).toBeInstanceOf(Date);
		const [audit] = await auditOf('user.disabled', u.id);
		expect(audit).toMatchObject({ actorUserId: admin.id, result: 'success' });
		expect(audit.details).toMatchObject({ sessionsEnded: 2 });
	});

	it('keeps the sessions after enabling ended, but lets the person log in again', async () => {
		const u = await newUser(t.db, [['meelezer', 'oegstgeest']], { disabled: true });
		await enableUser(t.db, admin.actor, u.id, testOrigin);
		const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
		expect(row.disabledAt).toBeNull();
		const { token } = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: false });
		expect(await validateAuthSessionToken(t.db, token)).not.toBeNull();
		expect(await auditOf('user.enabled', u.id)).toHaveLength(1);
	});

	it('does not let an administrator disable themselves', async () => {
		const { token } = await createAuthSession(t.db, admin.id, testOrigin, { twoFactorVerified: true });
		const err = await disableUser(t.db, admin.actor, admin.id, testOrigin).catch((e) => e);
		expect(err).toBeInstanceOf(DomainError);
		expect(err.key).toBe('admin_cannot_disable_self');
		expect(await validateAuthSessionToken(t.db, token)).not.toBeNull();
		expect(await auditOf('user.disabled', admin.id)).toHaveLength(0);
	});

	it('says so when the account is already in the asked state', async () => {
		const off = await newUser(t.db, [], { disabled: true });
		const on = await newUser(t.db, []);
		await expect(disableUser(t.db, admin.actor, off.id, testOrigin)).rejects.toMatchObject({ key: 'admin_user_already_disabled' });
		await expect(enableUser(t.db, admin.actor, on.id, testOrigin)).rejects.toMatchObject({ key: 'admin_user_not_disabled' });
	});
});

describe('changing roles', () => {
	it('adds and removes roles per municipality, audited with before and after', async () => {
		const u = await newUser(t.db, [
			['klankbordgroeplid', 'leiden'],
			['meelezer', 'voorschoten']
		]);
		const change = await setRoles(t.db, admin.actor, u.id, { grants: ['klankbordgroeplid:leiden', 'collegelid:leiderdorp', 'verkenner'] }, testOrigin);
		expect(change).toEqual({ added: ['verkenner', 'collegelid:leiderdorp'], removed: ['meelezer:voorschoten'] });
		expect(await rolesOf(u.id)).toEqual(['collegelid:leiderdorp', 'klankbordgroeplid:leiden', 'verkenner']);
		const [audit] = await auditOf('user.roles_changed', u.id);
		expect(audit.details).toEqual({
			before: ['klankbordgroeplid:leiden', 'meelezer:voorschoten'],
			after: ['verkenner', 'klankbordgroeplid:leiden', 'collegelid:leiderdorp'],
			added: ['verkenner', 'collegelid:leiderdorp'],
			removed: ['meelezer:voorschoten']
		});
	});

	it('writes no audit row when nothing changes', async () => {
		const u = await newUser(t.db, [['griffie', 'zoeterwoude']]);
		await setRoles(t.db, admin.actor, u.id, { grants: ['griffie:zoeterwoude'] }, testOrigin);
		expect(await auditOf('user.roles_changed', u.id)).toHaveLength(0);
	});

	it('can take every role away', async () => {
		const u = await newUser(t.db, [['verkenner', null]]);
		await setRoles(t.db, admin.actor, u.id, {}, testOrigin);
		expect(await rolesOf(u.id)).toEqual([]);
	});

	it('does not let an administrator remove their own administrator role', async () => {
		const err = await setRoles(t.db, admin.actor, admin.id, { grants: ['verkenner'] }, testOrigin).catch((e) => e);
		expect(err).toBeInstanceOf(DomainError);
		expect(err.key).toBe('admin_cannot_remove_own_admin');
		expect(await rolesOf(admin.id)).toEqual(['administrator']);
		// other roles of their own they may change
		await setRoles(t.db, admin.actor, admin.id, { grants: ['administrator', 'verkenner'] }, testOrigin);
		expect(await rolesOf(admin.id)).toEqual(['administrator', 'verkenner']);
		await setRoles(t.db, admin.actor, admin.id, { grants: ['administrator'] }, testOrigin);
	});

	it('refuses invalid roles and leaves the old ones', async () => {
		const u = await newUser(t.db, [['meelezer', 'leiden']]);
		const err = await setRoles(t.db, admin.actor, u.id, { grants: ['collegelid'] }, testOrigin).catch((e) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fields.grants).toBe('validation_admin_municipality_required');
		expect(await rolesOf(u.id)).toEqual(['meelezer:leiden']);
	});
});

describe('editing a name', () => {
	it('saves the name, audited with before and after', async () => {
		const u = await newUser(t.db, [], { name: 'Oude Naam' });
		await updateUser(t.db, admin.actor, u.id, { name: 'Nieuwe Naam' }, testOrigin);
		const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
		expect(row.name).toBe('Nieuwe Naam');
		const [audit] = await auditOf('user.updated', u.id);
		expect(audit.details).toEqual({ before: { name: 'Oude Naam' }, after: { name: 'Nieuwe Naam' } });
	});

	it('refuses an empty name', async () => {
		const u = await newUser(t.db, []);
		await expect(updateUser(t.db, admin.actor, u.id, { name: '   ' }, testOrigin)).rejects.toMatchObject({
			fields: { name: 'validation_required' }
		});
	});
});

describe('resetting two-factor authentication', () => {
	it('clears the key and recovery codes, ends sessions and is audited', async () => {
		const u = await newUser(t.db, [['collegelid', 'leiden']]);
		await t.db.update(users).set({ totpKeyEncrypted: 'versleuteld', totpEnabledAt: new Date() }).where(eq(users.id, u.id));
		await t.db.insert(recoveryCodes).values([
			{ userId: u.id, codeHash: 'a' },
			{ userId: u.id, codeHash: 'b' }
		]);
		const { token } = await createAuthSession(t.db, u.id, testOrigin, { twoFactorVerified: true });

		await resetTwoFactor(t.db, admin.actor, u.id, testOrigin);

		const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
		expect(row).toMatchObject({ totpKeyEncrypted: null, totpEnabledAt: null });
		expect(await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, u.id))).toHaveLength(0);
		expect(await validateAuthSessionToken(t.db, token)).toBeNull();
		const [audit] = await auditOf('user.two_factor_reset', u.id);
		expect(audit.actorUserId).toBe(admin.id);
		expect(JSON.stringify(audit.details)).not.toContain('versleuteld');
	});

	it('refuses a user without 2FA and the administrator themselves', async () => {
		const u = await newUser(t.db, []);
		await expect(resetTwoFactor(t.db, admin.actor, u.id, testOrigin)).rejects.toMatchObject({ key: 'admin_two_factor_not_enabled' });
		await expect(resetTwoFactor(t.db, admin.actor, admin.id, testOrigin)).rejects.toMatchObject({
			key: 'admin_cannot_reset_own_two_factor'
		});
	});
});
