import { expect } from 'vitest';
import type { Db } from '../../../src/lib/server/db';
import * as signIn from '../../../src/lib/server/modules/sign-in';
import type { AuthSession } from '../../../src/lib/server/auth/auth-session';
import { testOrigin, type NewUser } from '../../fixtures/factories';

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
