import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { Db } from '../../../src/lib/server/db';
import * as signIn from '../../../src/lib/server/modules/sign-in';
import type { AuthSession } from '../../../src/lib/server/auth/auth-session';
import type { Role } from '../../../src/lib/roles';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { MockProvider } from '../../fixtures/oidc-provider';

export { MockProvider, person } from '../../fixtures/oidc-provider';

// Client secrets and PKCE verifiers are sealed with the app secret; keep tests from writing ./data/secret.key.
process.env.APP_SECRET ??= 'integration-test-secret';

export const CLIENT_ID = 'regioportaal';
export const CLIENT_SECRET = 'geheim-van-de-gemeente';
export const REDIRECT_URI = 'http://portaal.test/inloggen/oidc/terug';

export async function addProvider(
	db: Db,
	admin: NewUser,
	issuer: string,
	opts: { municipalityId?: string; emailDomains?: string; required?: boolean; allowJustInTime?: boolean } = {}
): Promise<string> {
	const { id } = await signIn.addSignInProvider(
		db,
		admin.actor,
		{
			municipalityId: opts.municipalityId ?? 'leiden',
			issuer,
			clientId: CLIENT_ID,
			clientSecret: CLIENT_SECRET,
			emailDomains: opts.emailDomains ?? 'leiden.nl',
			required: opts.required ? 'on' : undefined,
			allowJustInTime: opts.allowJustInTime ? 'on' : undefined
		},
		testOrigin
	);
	return id;
}

export interface LeidenSetup {
	t: TestDb;
	provider: MockProvider;
	admin: NewUser;
	/** Leiden's sign-in service. */
	leiden: string;
	/** A person of Leiden with the given role, at the address of the claims. */
	member: NewUser;
}

/**
 * For one test file: a database, a provider, an administrator, Leiden's sign-in service at that provider and one
 * person of Leiden; before each test the provider answers with `claims` again and nothing unusual. The fields are
 * there once the file's first `beforeAll` has run.
 */
export function withLeidenProvider(role: Role, claims: Record<string, unknown>): LeidenSetup {
	const s = {} as LeidenSetup;
	beforeAll(async () => {
		s.t = await testDb();
		s.provider = await new MockProvider().start();
		s.admin = await newUser(s.t.db, [['administrator', null]]);
		s.leiden = await addProvider(s.t.db, s.admin, s.provider.issuer);
		s.member = await newUser(s.t.db, [[role, 'leiden']], { email: String(claims.email) });
	});
	afterAll(async () => {
		await s.provider.stop();
		await destroy(s.t);
	});
	beforeEach(() => {
		s.provider.claims = claims;
		s.provider.next = null;
	});
	return s;
}

/** What the browser does: open the provider's address and follow it back only as far as the portal's callback. */
export async function authorize(url: string): Promise<URL> {
	const res = await fetch(url, { redirect: 'manual' });
	await res.arrayBuffer();
	expect(res.status).toBe(302);
	return new URL(res.headers.get('location') as string);
}

export interface SignInRun {
	purpose?: signIn.SignInPurpose;
	session?: AuthSession | null;
	next?: string;
	/** Change the way back (another state, an error) before the portal reads it. */
	tamper?: (callback: URL, state: string) => { callback: URL; browserState: string | undefined };
	now?: Date;
}

/** A whole sign-in: start, the provider's login (automatic in the mock), back to the callback. */
export async function runSignIn(db: Db, providerId: string, run: SignInRun = {}) {
	const purpose = run.purpose ?? 'login';
	const start = await signIn.beginSignIn(db, providerId, {
		purpose,
		next: run.next ?? '/',
		redirectUri: REDIRECT_URI,
		origin: testOrigin,
		session: run.session
	});
	const back = await authorize(start.url);
	const { callback, browserState } = run.tamper ? run.tamper(back, start.state) : { callback: back, browserState: start.state };
	return signIn.finishSignIn(db, {
		callbackUrl: callback,
		browserState,
		redirectUri: REDIRECT_URI,
		origin: testOrigin,
		session: run.session ?? null,
		now: run.now
	});
}

/** Expects a refused sign-in with this reason; returns it. */
export async function refusedWith(promise: Promise<unknown>, reason: signIn.RefusalReason): Promise<signIn.SignInRefused> {
	const err = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(err, `expected a refusal: ${reason}`).toBeInstanceOf(signIn.SignInRefused);
	expect((err as signIn.SignInRefused).reason).toBe(reason);
	return err as signIn.SignInRefused;
}
