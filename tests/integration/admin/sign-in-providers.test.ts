import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { auditEvents, signInProviders } from '../../../src/lib/server/db/schema';
import { unsealText } from '../../../src/lib/server/auth/sealed';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { DomainError } from '../../../src/lib/server/errors';
import * as signIn from '../../../src/lib/server/modules/sign-in';
import { getUser, listUsers } from '../../../src/lib/server/modules/users';
import { CLIENT_SECRET, MockProvider, person, runSignIn } from '../auth/oidc-helpers';

let t: TestDb;
let admin: NewUser;
let provider: MockProvider;

beforeAll(async () => {
	t = await testDb();
	admin = await newUser(t.db, [['administrator', null]], { name: 'Aad Beheer', email: 'aad@regio.nl' });
	provider = await new MockProvider().start();
});
afterAll(async () => {
	await provider.stop();
	await destroy(t);
});

const form = (over: Record<string, unknown> = {}) => ({
	municipalityId: 'oegstgeest',
	issuer: provider.issuer,
	clientId: 'regioportaal',
	clientSecret: CLIENT_SECRET,
	emailDomains: 'oegstgeest.nl\n@Raad.Oegstgeest.nl, oegstgeest.nl',
	required: 'on',
	...over
});

async function failure(promise: Promise<unknown>): Promise<DomainError> {
	const err = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(DomainError);
	return err as DomainError;
}

const lastAudit = async () => (await t.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1))[0];

describe('sign-in providers, as the administrator keeps them', () => {
	it('adds a provider with its secret sealed, never shown back, and audited without it', async () => {
		const { id } = await signIn.addSignInProvider(t.db, admin.actor, form(), testOrigin);
		const [row] = await t.db.select().from(signInProviders).where(eq(signInProviders.id, id));
		expect(row.clientSecretEncrypted).not.toContain(CLIENT_SECRET);
		expect(unsealText(row.clientSecretEncrypted)).toBe(CLIENT_SECRET);
		expect(row.emailDomains).toEqual(['oegstgeest.nl', 'raad.oegstgeest.nl']);
		const view = await signIn.getSignInProvider(t.db, admin.actor, id);
		expect(view).toMatchObject({ municipalityId: 'oegstgeest', municipalityName: 'Oegstgeest', required: true, allowJustInTime: false, links: 0 });
		expect(JSON.stringify(view)).not.toContain(CLIENT_SECRET);
		expect(JSON.stringify(await signIn.listSignInProviders(t.db, admin.actor))).not.toContain('clientSecret');
		const audit = await lastAudit();
		expect(audit).toMatchObject({ action: 'sign_in_provider.added', objectId: id, details: { municipalityId: 'oegstgeest', required: true } });
		expect(JSON.stringify(audit)).not.toContain(CLIENT_SECRET);
		expect(await signIn.signInChoices(t.db)).toContainEqual({ id, municipalityId: 'oegstgeest', municipalityName: 'Oegstgeest' });
		await expect(signIn.testSignInProvider(t.db, admin.actor, id)).resolves.toEqual({ issuer: provider.issuer });
	});

	it('refuses a second provider for one municipality, a plain-HTTP issuer elsewhere, bad domains and just-in-time for the region', async () => {
		const taken = await failure(signIn.addSignInProvider(t.db, admin.actor, form(), testOrigin));
		expect(taken.fields).toEqual({ municipalityId: 'signin_provider_exists' });
		expect(
			(await failure(signIn.addSignInProvider(t.db, admin.actor, form({ municipalityId: 'leiden', issuer: 'http://login.leiden.nl' }), testOrigin))).fields
		).toEqual({
			issuer: 'validation_signin_issuer_https'
		});
		expect(
			(await failure(signIn.addSignInProvider(t.db, admin.actor, form({ municipalityId: 'leiden', issuer: 'geen adres' }), testOrigin))).fields.issuer
		).toBe('validation_signin_issuer');
		expect(
			(await failure(signIn.addSignInProvider(t.db, admin.actor, form({ municipalityId: 'leiden', emailDomains: 'leiden' }), testOrigin))).fields
		).toMatchObject({
			emailDomains: 'validation_signin_domain'
		});
		expect((await failure(signIn.addSignInProvider(t.db, admin.actor, form({ municipalityId: 'regio', allowJustInTime: 'on' }), testOrigin))).fields).toEqual({
			allowJustInTime: 'validation_signin_jit_region'
		});
		expect(
			(await failure(signIn.addSignInProvider(t.db, admin.actor, form({ municipalityId: 'amsterdam', clientSecret: '' }), testOrigin))).fields
		).toMatchObject({
			municipalityId: 'validation_signin_municipality',
			clientSecret: 'validation_signin_secret_required'
		});
		expect((await failure(signIn.addSignInProvider(t.db, admin.actor, { ...form({ municipalityId: 'leiden' }), clientId: 'a\u0000b' }, testOrigin))).key).toBe(
			'validation_forbidden_characters'
		);
		expect((await failure(signIn.addSignInProvider(t.db, admin.actor, 'geen formulier', testOrigin))).key).toBe('error_validation');
	});

	it('edits a provider: an empty secret keeps the stored one, a new one replaces it (recorded as replaced, never its value)', async () => {
		const [row] = await t.db.select().from(signInProviders).where(eq(signInProviders.municipalityId, 'oegstgeest'));
		await signIn.updateSignInProvider(
			t.db,
			admin.actor,
			row.id,
			{ issuer: row.issuer, clientId: 'nieuw-id', clientSecret: '', emailDomains: 'oegstgeest.nl' },
			testOrigin
		);
		const [kept] = await t.db.select().from(signInProviders).where(eq(signInProviders.id, row.id));
		expect(unsealText(kept.clientSecretEncrypted)).toBe(CLIENT_SECRET);
		expect(kept).toMatchObject({ clientId: 'nieuw-id', required: false, emailDomains: ['oegstgeest.nl'] });
		expect((await lastAudit()).details).toMatchObject({
			credentialReplaced: false,
			changes: { clientId: { from: 'regioportaal', to: 'nieuw-id' }, required: { from: true, to: false } }
		});
		await signIn.updateSignInProvider(
			t.db,
			admin.actor,
			row.id,
			{ issuer: row.issuer, clientId: 'regioportaal', clientSecret: 'nieuw-geheim', emailDomains: 'oegstgeest.nl' },
			testOrigin
		);
		const [replaced] = await t.db.select().from(signInProviders).where(eq(signInProviders.id, row.id));
		expect(unsealText(replaced.clientSecretEncrypted)).toBe('nieuw-geheim');
		expect((await lastAudit()).details).toMatchObject({ credentialReplaced: true });
		expect(JSON.stringify(await lastAudit())).not.toContain('nieuw-geheim');
		expect((await failure(signIn.updateSignInProvider(t.db, admin.actor, 'geen-id', {}, testOrigin))).key).toBe('error_validation');
		expect((await failure(signIn.updateSignInProvider(t.db, admin.actor, 'geen-id', form(), testOrigin))).key).toBe('signin_provider_not_found');
	});

	it('is for administrators only', async () => {
		const verkenner = await newUser(t.db, [['verkenner', null]]);
		await expect(signIn.addSignInProvider(t.db, verkenner.actor, form({ municipalityId: 'leiden' }), testOrigin)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(signIn.listSignInProviders(t.db, verkenner.actor)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(signIn.removeSignInProvider(t.db, null, 'x', testOrigin)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('shows per person in the user list how they sign in and when last; removing the provider removes the links', async () => {
		const [row] = await t.db.select().from(signInProviders).where(eq(signInProviders.municipalityId, 'oegstgeest'));
		const member = await newUser(t.db, [['meelezer', 'oegstgeest']], { name: 'Olga Oegstgeest', email: 'olga@oegstgeest.nl' });
		provider.claims = person('olga@oegstgeest.nl');
		await runSignIn(t.db, row.id);
		const { users: list } = await listUsers(t.db, admin.actor, { search: 'olga' });
		expect(list[0].signIn).toMatchObject({ password: true, providers: ['Oegstgeest'], lastMethod: 'oidc' });
		expect(list[0].signIn.lastAt).toBeInstanceOf(Date);
		expect((await getUser(t.db, admin.actor, member.id)).signIn.providers).toEqual(['Oegstgeest']);
		expect((await signIn.getSignInProvider(t.db, admin.actor, row.id)).links).toBe(1);

		await signIn.removeSignInProvider(t.db, admin.actor, row.id, testOrigin);
		expect(await lastAudit()).toMatchObject({ action: 'sign_in_provider.removed', details: { municipalityId: 'oegstgeest', links: 1 } });
		expect((await getUser(t.db, admin.actor, member.id)).signIn.providers).toEqual([]);
		expect((await failure(signIn.removeSignInProvider(t.db, admin.actor, row.id, testOrigin))).key).toBe('signin_provider_not_found');
	});

	it('counts a person who only ever signed in with a municipality account as active, not invited', async () => {
		const { id } = await signIn.addSignInProvider(
			t.db,
			admin.actor,
			form({ municipalityId: 'zoeterwoude', emailDomains: 'zoeterwoude.nl', allowJustInTime: 'on', required: undefined }),
			testOrigin
		);
		provider.claims = person('nieuw@zoeterwoude.nl', { name: 'Zoë Woude' });
		await runSignIn(t.db, id);
		const { users: list } = await listUsers(t.db, admin.actor, { search: 'Zoë' });
		expect(list[0]).toMatchObject({ status: 'active', signIn: { password: false, providers: ['Zoeterwoude'], lastMethod: 'oidc' } });
		expect((await listUsers(t.db, admin.actor, { status: 'invited', search: 'Zoë' })).total).toBe(0);
		expect((await listUsers(t.db, admin.actor, { status: 'active', search: 'Zoë' })).total).toBe(1);
	});
});
