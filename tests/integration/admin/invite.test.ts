import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { inviteUser } from '../../../src/lib/server/modules/users/invite-user';
import { resendInvitation } from '../../../src/lib/server/modules/users/resend-invitation';
import { auditEvents, emailTokens, mailOutbox, memberships, users } from '../../../src/lib/server/db/schema';
import { hashToken } from '../../../src/lib/server/auth/tokens';
import { peekEmailToken } from '../../../src/lib/server/auth/email-tokens';
import { DomainError, ValidationError } from '../../../src/lib/server/errors';

const SITE = 'https://regioportaal.example';
let t: TestDb;
let admin: NewUser;

beforeAll(async () => {
	t = await testDb();
	admin = await newUser(t.db, [['administrator', null]], { name: 'Beheerder Test' });
});
afterAll(() => destroy(t));

/** Row counts of everything an invitation writes, to prove a refused one wrote nothing. */
async function footprint() {
	const n = async (table: typeof users | typeof memberships | typeof emailTokens | typeof mailOutbox | typeof auditEvents) =>
		(await t.db.select({ n: count() }).from(table))[0].n;
	return {
		users: await n(users),
		memberships: await n(memberships),
		tokens: await n(emailTokens),
		mail: await n(mailOutbox),
		audit: await n(auditEvents)
	};
}

const tokenIn = (body: string) => body.match(/\/wachtwoord-instellen\/([a-z0-9]+)/)?.[1];

describe('inviting a person', () => {
	it('creates the user without password, the roles, a 7-day token, the mail and the audit row', async () => {
		const before = Date.now();
		const { userId, mailId } = await inviteUser(
			t.db,
			admin.actor,
			{
				name: '  Anna de Wit ',
				email: 'Anna.de.Wit@Leiden.nl',
				grants: ['klankbordgroeplid:leiden', 'collegelid:leiden', 'verkenner']
			},
			testOrigin,
			SITE
		);
		const [user] = await t.db.select().from(users).where(eq(users.id, userId));
		expect(user).toMatchObject({ name: 'Anna de Wit', email: 'anna.de.wit@leiden.nl', passwordHash: null, disabledAt: null });

		const roles = await t.db.select().from(memberships).where(eq(memberships.userId, userId));
		expect(roles.map((r) => `${r.role}:${r.municipalityId}`).sort()).toEqual(['collegelid:leiden', 'klankbordgroeplid:leiden', 'verkenner:null'].sort());

		const [mail] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, mailId));
		expect(mail.to).toBe('anna.de.wit@leiden.nl');
		expect(mail.subject).toMatch(/uitnodiging/i);
		expect(mail.body).toContain('Beste Anna de Wit');
		expect(mail.body).toContain(`${SITE}/wachtwoord-instellen/`);
		const token = tokenIn(mail.body)!;
		const row = await peekEmailToken(t.db, token, 'invitation');
		expect(row).toMatchObject({ userId, purpose: 'invitation', createdBy: admin.id, id: hashToken(token) });
		const days = (row.expiresAt.getTime() - before) / 86_400_000;
		expect(days).toBeGreaterThan(6.99);
		expect(days).toBeLessThan(7.01);

		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'user.invited'), eq(auditEvents.objectId, userId)));
		expect(audit).toMatchObject({ actorUserId: admin.id, objectType: 'user', result: 'success', ip: testOrigin.ip });
		expect(audit.details).toMatchObject({ email: 'anna.de.wit@leiden.nl' });
		// the plain token never reaches the audit trail
		expect(JSON.stringify(audit.details)).not.toContain(token);
	});

	it('accepts grants as objects too (for the JSON API)', async () => {
		const { userId } = await inviteUser(
			t.db,
			admin.actor,
			{ name: 'Bas', email: 'bas@oegstgeest.nl', grants: [{ role: 'meelezer', municipalityId: 'oegstgeest' }] },
			testOrigin,
			SITE
		);
		const roles = await t.db.select().from(memberships).where(eq(memberships.userId, userId));
		expect(roles).toHaveLength(1);
		expect(roles[0]).toMatchObject({ role: 'meelezer', municipalityId: 'oegstgeest' });
	});

	it('refuses an address that exists in any letter case, with a clear message, and stores nothing', async () => {
		await newUser(t.db, [], { email: 'Bestaat@Voorschoten.nl' });
		const before = await footprint();
		const err = await inviteUser(
			t.db,
			admin.actor,
			{ name: 'Dubbel', email: 'bestaat@voorschoten.NL', grants: ['meelezer:voorschoten'] },
			testOrigin,
			SITE
		).catch((e) => e);
		expect(err).toBeInstanceOf(DomainError);
		expect(err.fields).toEqual({ email: 'admin_email_taken' });
		expect(await footprint()).toEqual(before);
	});

	it.each([
		['a municipal role without municipality', ['klankbordgroeplid'], 'validation_admin_municipality_required'],
		['an unknown role', ['burgemeester:leiden'], 'validation_admin_role_unknown'],
		['an unknown municipality', ['griffie:katwijk'], 'validation_admin_municipality_unknown'],
		['a regional role with a municipality', ['administrator:leiden'], 'validation_admin_regional_role_no_municipality'],
		['no role at all', [], 'validation_admin_roles_required']
	])('refuses %s and stores nothing', async (_, grants, key) => {
		const before = await footprint();
		const err = await inviteUser(t.db, admin.actor, { name: 'Iemand', email: 'iemand@leiden.nl', grants }, testOrigin, SITE).catch((e) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fields.grants).toBe(key);
		expect(await footprint()).toEqual(before);
	});

	it('refuses a missing name and a malformed address', async () => {
		const err = await inviteUser(t.db, admin.actor, { name: ' ', email: 'geen-adres', grants: ['verkenner'] }, testOrigin, SITE).catch((e) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fields).toMatchObject({ name: 'validation_required', email: 'validation_email' });
	});

	it('of two simultaneous invitations for one address, exactly one succeeds', async () => {
		const input = { name: 'Gelijktijdig', email: 'tegelijk@zoeterwoude.nl', grants: ['meelezer:zoeterwoude'] };
		const results = await Promise.allSettled([inviteUser(t.db, admin.actor, input, testOrigin, SITE), inviteUser(t.db, admin.actor, input, testOrigin, SITE)]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(rejected.reason.fields).toEqual({ email: 'admin_email_taken' });
		const rows = await t.db
			.select()
			.from(users)
			.where(eq(sql`lower(${users.email})`, 'tegelijk@zoeterwoude.nl'));
		expect(rows).toHaveLength(1);
	});
});

describe('re-sending an invitation', () => {
	it('sends a new link and voids the old one', async () => {
		const { userId, mailId } = await inviteUser(
			t.db,
			admin.actor,
			{ name: 'Carla', email: 'carla@leiderdorp.nl', grants: ['griffie:leiderdorp'] },
			testOrigin,
			SITE
		);
		const [first] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, mailId));
		const again = await resendInvitation(t.db, admin.actor, userId, testOrigin, SITE);
		const [second] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, again.mailId));
		const oldToken = tokenIn(first.body)!;
		const newToken = tokenIn(second.body)!;
		expect(newToken).not.toBe(oldToken);
		await expect(peekEmailToken(t.db, oldToken, 'invitation')).rejects.toMatchObject({ key: 'auth_link_used' });
		await expect(peekEmailToken(t.db, newToken, 'invitation')).resolves.toMatchObject({ userId });
		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'user.invitation_resent'), eq(auditEvents.objectId, userId)));
		expect(audit).toHaveLength(1);
	});

	it('refuses someone who already set a password', async () => {
		const active = await newUser(t.db, [['verkenner', null]]);
		await expect(resendInvitation(t.db, admin.actor, active.id, testOrigin, SITE)).rejects.toMatchObject({
			key: 'admin_invitation_already_accepted'
		});
	});

	it('answers "not found" for an unknown or malformed id', async () => {
		await expect(resendInvitation(t.db, admin.actor, crypto.randomUUID(), testOrigin, SITE)).rejects.toMatchObject({
			key: 'admin_user_not_found',
			status: 404
		});
		await expect(resendInvitation(t.db, admin.actor, 'geen-uuid', testOrigin, SITE)).rejects.toMatchObject({
			key: 'admin_user_not_found'
		});
	});
});
