import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, TEST_PASSWORD, type NewUser } from '../../fixtures/factories';
import { auditEvents, mailOutbox, memberships, signInLinks, signInProviders, users } from '../../../src/lib/server/db/schema';
import { authenticate } from '../../../src/lib/server/auth/authenticate';
import { login } from '../../../src/lib/server/auth/login';
import { logout } from '../../../src/lib/server/auth/logout';
import { createEmailToken } from '../../../src/lib/server/auth/email-tokens';
import { findSetPasswordLink, setPasswordFromLink } from '../../../src/lib/server/auth/set-password';
import { validateAuthSessionToken } from '../../../src/lib/server/auth/auth-session';
import { getUser, inviteUser, unlinkSignIn } from '../../../src/lib/server/modules/users';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { accountOverview } from '../../../src/lib/server/modules/account';
import { enrolled, refusal } from './two-factor-helpers';
import { addProvider, MockProvider, person, refusedWith, runSignIn } from './oidc-helpers';

let t: TestDb;
let provider: MockProvider;
let admin: NewUser;
let leiden: string;

beforeAll(async () => {
	t = await testDb();
	provider = await new MockProvider().start();
	admin = await newUser(t.db, [['administrator', null]]);
	leiden = await addProvider(t.db, admin, provider.issuer, { municipalityId: 'leiden', emailDomains: 'leiden.nl\n@raad.leiden.nl' });
});
afterAll(async () => {
	await provider.stop();
	await destroy(t);
});
beforeEach(() => {
	provider.claims = {};
	provider.next = null;
});

const address = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}@leiden.nl`;

async function lastAudit(action: string, objectId?: string) {
	const [row] = await t.db
		.select()
		.from(auditEvents)
		.where(objectId ? and(eq(auditEvents.action, action), eq(auditEvents.objectId, objectId)) : eq(auditEvents.action, action))
		.orderBy(desc(auditEvents.id))
		.limit(1);
	return row;
}

async function loggedIn(outcome: Awaited<ReturnType<typeof runSignIn>>) {
	if (outcome.kind !== 'login') throw new Error('expected a login');
	const auth = await authenticate(t.db, outcome.token);
	if (!auth) throw new Error('no session');
	return { outcome, auth };
}

describe('sign-in with the municipality account: linking', () => {
	it('links an invited account by its verified e-mail, then finds it by subject even when the address changes', async () => {
		const email = address('invited');
		const { userId } = await inviteUser(
			t.db,
			admin.actor,
			{ name: 'Sanne de Vries', email, grants: ['klankbordgroeplid:leiden'] },
			testOrigin,
			'http://portaal.test'
		);
		const claims = person(email.toUpperCase());
		provider.claims = claims;
		const first = await loggedIn(await runSignIn(t.db, leiden, { next: '/agenda' }));
		expect(first.auth.user.id).toBe(userId);
		expect(first.auth.stage).toBe('ok');
		expect(first.outcome.next).toBe('/agenda');
		const [link] = await t.db.select().from(signInLinks).where(eq(signInLinks.userId, userId));
		expect(link.subject).toBe(claims.sub);
		expect((await lastAudit('user.sign_in_linked', userId))?.details).toMatchObject({ by: 'email', providerId: leiden });
		expect((await lastAudit('auth.logged_in', userId))?.details).toMatchObject({ via: 'oidc', stage: 'complete', mfa: false });
		const [row] = await t.db.select().from(users).where(eq(users.id, userId));
		expect(row.lastSignInMethod).toBe('oidc');
		expect(row.lastSignInAt).toBeInstanceOf(Date);

		provider.claims = { ...claims, email: 'nieuw-adres@elders.nl', email_verified: false };
		const second = await loggedIn(await runSignIn(t.db, leiden));
		expect(second.auth.user.id).toBe(userId);
	});

	it('takes Entra ID’s xms_edov (domain verified by its owner) for a verified address', async () => {
		const official = await newUser(t.db, [['ambtelijkadviseur', 'leiden']], { email: address('entra') });
		provider.claims = { ...person(official.email), email_verified: undefined, xms_edov: true };
		expect((await loggedIn(await runSignIn(t.db, leiden))).auth.user.id).toBe(official.id);
	});

	it('refuses an account of another municipality, and one linked to another subject already', async () => {
		const other = await newUser(t.db, [['meelezer', 'oegstgeest']], { email: address('oegstgeest') });
		provider.claims = person(other.email);
		await refusedWith(runSignIn(t.db, leiden), 'not_member');
		const mine = await newUser(t.db, [['meelezer', 'leiden']], { email: address('mine') });
		provider.claims = person(mine.email);
		await loggedIn(await runSignIn(t.db, leiden));
		provider.claims = person(mine.email);
		const err = await refusedWith(runSignIn(t.db, leiden), 'other_link');
		expect(err.key).toBe('signin_refused_other_link');
	});

	it('an administrator ends a link (the account at the municipality made anew): the sessions end, and the new subject links by e-mail', async () => {
		const mine = await newUser(t.db, [['meelezer', 'leiden']], { email: address('anew') });
		const oldClaims = person(mine.email);
		provider.claims = oldClaims;
		const before = await loggedIn(await runSignIn(t.db, leiden));
		const newClaims = person(mine.email);
		provider.claims = newClaims;
		await refusedWith(runSignIn(t.db, leiden), 'other_link');

		const [link] = (await getUser(t.db, admin.actor, mine.id)).links;
		expect(link).toMatchObject({ municipality: 'Leiden', lastUsedAt: expect.any(Date) });
		// Not an administrator; a link of another person; not a link at all: nothing ended.
		await expect(unlinkSignIn(t.db, mine.actor, mine.id, { koppeling: link.id }, testOrigin)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(unlinkSignIn(t.db, admin.actor, admin.id, { koppeling: link.id }, testOrigin)).rejects.toMatchObject({
			key: 'signin_unlink_not_found',
			status: 404
		});
		for (const bad of [{}, { koppeling: '' }, { koppeling: 42 }, { koppeling: "' or 1=1 --" }, null, 'x']) {
			await expect(unlinkSignIn(t.db, admin.actor, mine.id, bad, testOrigin)).rejects.toMatchObject({ key: 'error_validation', status: 400 });
		}
		expect(await authenticate(t.db, before.outcome.kind === 'login' ? before.outcome.token : '')).not.toBeNull();

		await unlinkSignIn(t.db, admin.actor, mine.id, { koppeling: link.id }, testOrigin);
		expect(await t.db.select().from(signInLinks).where(eq(signInLinks.userId, mine.id))).toEqual([]);
		expect(await authenticate(t.db, before.outcome.kind === 'login' ? before.outcome.token : '')).toBeNull();
		expect((await lastAudit('user.sign_in_unlinked', mine.id))?.details).toMatchObject({ providerId: leiden, municipalityId: 'leiden', sessionsEnded: 1 });
		await expect(unlinkSignIn(t.db, admin.actor, mine.id, { koppeling: link.id }, testOrigin)).rejects.toMatchObject({ key: 'signin_unlink_not_found' });

		provider.claims = newClaims;
		expect((await loggedIn(await runSignIn(t.db, leiden))).auth.user.id).toBe(mine.id);
		const [relinked] = await t.db.select().from(signInLinks).where(eq(signInLinks.userId, mine.id));
		expect(relinked.subject).toBe(newClaims.sub);
		expect(relinked.subject).not.toBe(oldClaims.sub);
	});

	it('without an invitation: refused unless the provider allows accounts just in time, then a meelezer of its municipality', async () => {
		const email = address('nieuw');
		provider.claims = person(email);
		const refused = await refusedWith(runSignIn(t.db, leiden), 'no_account');
		expect(refused.key).toBe('signin_refused_no_account');
		expect(await t.db.select().from(users).where(eq(users.email, email))).toEqual([]);
		expect(await lastAudit('auth.logged_in')).toMatchObject({ result: 'denied', actorLabel: email, details: { reason: 'no_account', via: 'oidc' } });

		const jitProvider = await new MockProvider().start();
		try {
			const zoeterwoude = await addProvider(t.db, admin, jitProvider.issuer, {
				municipalityId: 'zoeterwoude',
				emailDomains: 'zoeterwoude.nl',
				allowJustInTime: true
			});
			jitProvider.claims = person('j.jansen@zoeterwoude.nl', { name: 'Jan Jansen' });
			const { auth } = await loggedIn(await runSignIn(t.db, zoeterwoude));
			expect(auth.user).toMatchObject({ email: 'j.jansen@zoeterwoude.nl', name: 'Jan Jansen' });
			expect(auth.actor.grants).toEqual([{ role: 'meelezer', municipalityId: 'zoeterwoude' }]);
			expect((await lastAudit('user.provisioned', auth.user.id))?.details).toMatchObject({ roles: ['meelezer:zoeterwoude'] });
			// No password to change: "My account" says so instead of offering the form.
			expect((await accountOverview(t.db, auth.actor, auth.session.id)).hasPassword).toBe(false);
		} finally {
			await jitProvider.stop();
		}
	});
});

describe('sign-in with the municipality account: two-factor', () => {
	it('takes the provider’s MFA (amr) for the portal’s second factor of a college member without TOTP', async () => {
		const member = await newUser(t.db, [['collegelid', 'leiden']], { email: address('college') });
		provider.claims = person(member.email, { amr: ['pwd', 'mfa'] });
		const { outcome, auth } = await loggedIn(await runSignIn(t.db, leiden));
		expect(outcome.kind === 'login' && outcome.needsTwoFactor).toBe(false);
		expect(auth.stage).toBe('ok');
		expect(auth.session.twoFactorVerifiedAt).toBeInstanceOf(Date);
		expect((await lastAudit('auth.logged_in', member.id))?.details).toMatchObject({ mfa: true, stage: 'complete' });
	});

	it('without MFA at the provider: a college member without TOTP must set it up, one with TOTP gives a code', async () => {
		const member = await newUser(t.db, [['collegelid', 'leiden']], { email: address('college') });
		provider.claims = person(member.email, { amr: ['pwd'] });
		expect((await loggedIn(await runSignIn(t.db, leiden))).auth.stage).toBe('two_factor_setup');

		const withApp = await newUser(t.db, [['collegelid', 'leiden']], { email: address('app') });
		await enrolled(t.db, withApp);
		provider.claims = person(withApp.email, { amr: ['pwd'] });
		const { outcome, auth } = await loggedIn(await runSignIn(t.db, leiden));
		expect(outcome.kind === 'login' && outcome.needsTwoFactor).toBe(true);
		expect(auth.stage).toBe('two_factor');
		expect((await lastAudit('auth.logged_in', withApp.id))?.details).toMatchObject({ stage: 'provider', mfa: false });

		provider.claims = person(withApp.email, { amr: ['pwd', 'otp'], sub: provider.claims.sub });
		const again = await loggedIn(await runSignIn(t.db, leiden));
		expect(again.auth.stage).toBe('ok');
	});
});

describe('sign-in with the municipality account: leavers and logout', () => {
	it('refuses a subject linked to a disabled account, with no session made', async () => {
		const leaver = await newUser(t.db, [['griffie', 'leiden']], { email: address('leaver') });
		const claims = person(leaver.email);
		provider.claims = claims;
		await loggedIn(await runSignIn(t.db, leiden));
		await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, leaver.id));
		const err = await refusedWith(runSignIn(t.db, leiden), 'disabled');
		expect(err.key).toBe('auth_account_disabled');
		expect(await lastAudit('auth.logged_in', leaver.id)).toMatchObject({ result: 'denied', details: { reason: 'disabled' } });
	});

	it('refuses when the provider refuses the person (error in the way back)', async () => {
		provider.claims = person(address('weg'));
		await refusedWith(
			runSignIn(t.db, leiden, {
				tamper: (callback, state) => {
					const back = new URL(callback.origin + callback.pathname);
					back.searchParams.set('error', 'access_denied');
					back.searchParams.set('state', state);
					return { callback: back, browserState: state };
				}
			}),
			'provider_refused'
		);
	});

	it('logs out: the session made by the provider login ends like any other', async () => {
		const member = await newUser(t.db, [['meelezer', 'leiden']], { email: address('uit') });
		provider.claims = person(member.email);
		const { outcome } = await loggedIn(await runSignIn(t.db, leiden));
		if (outcome.kind !== 'login') throw new Error('login expected');
		await logout(t.db, member.actor, outcome.session.id, testOrigin);
		expect(await validateAuthSessionToken(t.db, outcome.token)).toBeNull();
	});
});

describe("the region's own provider", () => {
	it('speaks for the regional roles only: links a verkenner by e-mail, refuses a municipal member, and when required switches the verkenner’s password off', async () => {
		const region = await new MockProvider().start();
		try {
			const regionId = await addProvider(t.db, admin, region.issuer, { municipalityId: 'regio', emailDomains: 'leidseregio.nl' });
			const verkenner = await newUser(t.db, [['verkenner', null]], { email: 'verkenner@leidseregio.nl' });
			const member = await newUser(t.db, [['klankbordgroeplid', 'leiden']], { email: 'lid@leidseregio.nl' });
			region.claims = person(verkenner.email);
			const { auth } = await loggedIn(await runSignIn(t.db, regionId));
			expect(auth.user.id).toBe(verkenner.id);
			region.claims = person(member.email);
			await refusedWith(runSignIn(t.db, regionId), 'not_member');

			await login(t.db, { email: verkenner.email, password: TEST_PASSWORD }, testOrigin);
			await t.db.update(signInProviders).set({ required: true }).where(eq(signInProviders.id, regionId));
			await refusal(login(t.db, { email: verkenner.email, password: TEST_PASSWORD }, testOrigin), 'signin_password_off');
			// The municipal member is not the region's to hold to it.
			await expect(login(t.db, { email: member.email, password: TEST_PASSWORD }, testOrigin)).resolves.toHaveProperty('token');
		} finally {
			await region.stop();
		}
	});
});

describe('the password form when a municipality requires its own account', () => {
	it('refuses the password of that municipality’s people after the right password, and audits it; others still log in', async () => {
		const required = await new MockProvider().start();
		try {
			await addProvider(t.db, admin, required.issuer, { municipalityId: 'voorschoten', emailDomains: 'voorschoten.nl', required: true });
			const member = await newUser(t.db, [['klankbordgroeplid', 'voorschoten']]);
			const err = await refusal(login(t.db, { email: member.email, password: TEST_PASSWORD }, testOrigin), 'signin_password_off');
			expect(err.params.municipality).toBe('Voorschoten');
			expect(await lastAudit('auth.logged_in', member.id)).toMatchObject({ result: 'denied', details: { reason: 'password_off' } });
			// A wrong password is still just a wrong password.
			await refusal(login(t.db, { email: member.email, password: 'niet-het-wachtwoord' }, testOrigin), 'auth_bad_credentials');
			const other = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
			await expect(login(t.db, { email: other.email, password: TEST_PASSWORD }, testOrigin)).resolves.toHaveProperty('token');
			const [row] = await t.db.select().from(users).where(eq(users.id, other.id));
			expect(row.lastSignInMethod).toBe('password');
			// Nor does a password link open the account: it would be a way around the municipality's own sign-in.
			const token = await createEmailToken(t.db, { userId: member.id, purpose: 'password_reset' });
			await refusal(
				setPasswordFromLink(t.db, token, { password: 'een-heel-nieuw-wachtwoord', repeat: 'een-heel-nieuw-wachtwoord' }, testOrigin),
				'signin_password_off'
			);
			await refusal(findSetPasswordLink(t.db, token), 'signin_password_off');
			// An invitation says so too: no password link, the button to use instead.
			const { mailId } = await inviteUser(
				t.db,
				admin.actor,
				{ name: 'Vera Voorschoten', email: 'vera@voorschoten.nl', grants: ['griffie:voorschoten'] },
				testOrigin,
				'http://portaal.test'
			);
			const [mail] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, mailId));
			expect(mail.body).toContain('http://portaal.test/inloggen');
			expect(mail.body).toContain('gemeente-account (Voorschoten)');
			expect(mail.body).not.toContain('wachtwoord-instellen');
		} finally {
			await required.stop();
		}
	});

	it('keeps memberships and roles in the portal (a sign-in changes none)', async () => {
		const member = await newUser(t.db, [['griffie', 'leiden']], { email: address('rol') });
		provider.claims = person(member.email, { roles: ['administrator'], groups: ['admins'] });
		await loggedIn(await runSignIn(t.db, leiden));
		const rows = await t.db.select({ role: memberships.role }).from(memberships).where(eq(memberships.userId, member.id));
		expect(rows).toEqual([{ role: 'griffie' }]);
	});
});
