import { beforeAll, describe, expect, it } from 'vitest';
import { count, desc, eq } from 'drizzle-orm';
import type { TestDb } from '../../fixtures/db';
import { testOrigin, type NewUser } from '../../fixtures/factories';
import { auditEvents, authSessions, signInAttempts } from '../../../src/lib/server/db/schema';
import * as signIn from '../../../src/lib/server/modules/sign-in';
import type { Origin } from '../../../src/lib/server/modules/audit';
import { addProvider, authorize, MockProvider, person, REDIRECT_URI, refusedWith, runSignIn, withLeidenProvider } from './oidc-helpers';

let t: TestDb;
let provider: MockProvider;
let admin: NewUser;
let leiden: string;
let member: NewUser;
/** The member as the provider knows them: one subject throughout, linked at the first sign-in. */
const memberClaims = person('k.bakker@leiden.nl');

const setup = withLeidenProvider('klankbordgroeplid', memberClaims);
beforeAll(() => {
	({ t, provider, admin, leiden, member } = setup);
});

const sessionCount = async () => (await t.db.select({ n: count() }).from(authSessions))[0].n;

async function lastLoginAudit() {
	const [row] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.logged_in')).orderBy(desc(auditEvents.id)).limit(1);
	return row;
}

/** Each case: refused with its reason and Dutch message, an audit row with that reason, and no session made. */
async function expectRefused(run: Promise<unknown>, reason: signIn.RefusalReason, key: string, claim?: string) {
	// The refusal may come while the sessions are being counted: handled from the start, read below.
	run.catch(() => {});
	const before = await sessionCount();
	const err = await refusedWith(run, reason);
	expect(err.key).toBe(key);
	expect(await sessionCount()).toBe(before);
	const audit = await lastLoginAudit();
	expect(audit.result).not.toBe('success');
	expect(audit.details).toMatchObject({ reason, via: 'oidc', ...(claim ? { claim } : {}) });
	return err;
}

describe('bad answers from the way back', () => {
	it('refuses a state that is not the one this browser started with', async () => {
		await expectRefused(
			runSignIn(t.db, leiden, { tamper: (callback) => ({ callback, browserState: 'een-andere-state' }) }),
			'attempt_invalid',
			'signin_refused_attempt'
		);
	});

	it('refuses a way back without state, and one without the browser’s cookie', async () => {
		await expectRefused(
			runSignIn(t.db, leiden, {
				tamper: (callback, state) => {
					callback.searchParams.delete('state');
					return { callback, browserState: state };
				}
			}),
			'attempt_invalid',
			'signin_refused_attempt'
		);
		await expectRefused(
			runSignIn(t.db, leiden, { tamper: (callback) => ({ callback, browserState: undefined }) }),
			'attempt_invalid',
			'signin_refused_attempt'
		);
	});

	it('refuses the same answer twice (replayed state and code)', async () => {
		const start = await signIn.beginSignIn(t.db, leiden, { purpose: 'login', next: '/', redirectUri: REDIRECT_URI, origin: testOrigin });
		const back = await authorize(start.url);
		const finish = () =>
			signIn.finishSignIn(t.db, { callbackUrl: back, browserState: start.state, redirectUri: REDIRECT_URI, origin: testOrigin, session: null });
		await expect(finish()).resolves.toMatchObject({ kind: 'login' });
		await expectRefused(finish(), 'attempt_invalid', 'signin_refused_attempt');
	});

	it('refuses a used code brought back under a new attempt (the provider refuses it)', async () => {
		const first = await signIn.beginSignIn(t.db, leiden, { purpose: 'login', next: '/', redirectUri: REDIRECT_URI, origin: testOrigin });
		const firstBack = await authorize(first.url);
		await signIn.finishSignIn(t.db, { callbackUrl: firstBack, browserState: first.state, redirectUri: REDIRECT_URI, origin: testOrigin, session: null });
		await expectRefused(
			runSignIn(t.db, leiden, {
				tamper: (callback, state) => {
					callback.searchParams.set('code', firstBack.searchParams.get('code') as string);
					return { callback, browserState: state };
				}
			}),
			'code_refused',
			'signin_refused_attempt'
		);
	});

	it('refuses an attempt that came back after ten minutes', async () => {
		const later = new Date(Date.now() + signIn.ATTEMPT_MS + 1000);
		await expectRefused(runSignIn(t.db, leiden, { now: later }), 'attempt_invalid', 'signin_refused_attempt');
	});
});

describe('bad ID tokens', () => {
	it('refuses an ID token for another audience', async () => {
		provider.next = { aud: 'een-andere-applicatie' };
		await expectRefused(runSignIn(t.db, leiden), 'token_rejected', 'signin_refused_token', 'aud');
	});

	it('refuses an expired ID token', async () => {
		const now = Math.floor(Date.now() / 1000);
		provider.next = { iat: now - 7200, exp: now - 3600 };
		await expectRefused(runSignIn(t.db, leiden), 'token_rejected', 'signin_refused_token', 'exp');
	});

	it('refuses an ID token with another nonce, and one from another issuer', async () => {
		provider.next = { nonce: 'niet-de-nonce' };
		await expectRefused(runSignIn(t.db, leiden), 'token_rejected', 'signin_refused_token', 'nonce');
		provider.next = { iss: 'https://nep.example' };
		await expectRefused(runSignIn(t.db, leiden), 'token_rejected', 'signin_refused_token', 'iss');
	});

	it('refuses an ID token whose signature does not match (claims changed after signing)', async () => {
		provider.server.service.once('beforeResponse', (response: { body: Record<string, unknown> }) => {
			const [header, payload, signature] = String(response.body.id_token).split('.');
			const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
			const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'iemand-anders' })).toString('base64url');
			response.body.id_token = [header, forged, signature].join('.');
		});
		await expectRefused(runSignIn(t.db, leiden), 'token_rejected', 'signin_refused_token');
	});
});

describe('bad e-mail addresses', () => {
	it('refuses a subject or an address with a character no text may hold (NUL), without an error', async () => {
		provider.claims = { ...memberClaims, sub: 'iemand\u0000anders' };
		await expectRefused(runSignIn(t.db, leiden), 'token_rejected', 'signin_refused_token', 'sub');
		provider.claims = { ...memberClaims, sub: 'nieuw-subject', email: 'k.bakker\u0000@leiden.nl' };
		await expectRefused(runSignIn(t.db, leiden), 'email_unverified', 'signin_refused_email_unverified');
	});

	it('refuses an address outside the allowed domains', async () => {
		provider.claims = person('k.bakker@gmail.com');
		await expectRefused(runSignIn(t.db, leiden), 'email_domain', 'signin_refused_email_domain');
	});

	it('refuses an address the provider did not verify, or none at all', async () => {
		provider.claims = person(member.email, { email_verified: false });
		await expectRefused(runSignIn(t.db, leiden), 'email_unverified', 'signin_refused_email_unverified');
		provider.claims = person(member.email, { email_verified: 'true' });
		await expectRefused(runSignIn(t.db, leiden), 'email_unverified', 'signin_refused_email_unverified');
		provider.claims = { sub: 'zonder-adres' };
		await expectRefused(runSignIn(t.db, leiden), 'email_unverified', 'signin_refused_email_unverified');
	});
});

describe('a provider that is down', () => {
	it('refuses at the start when discovery does not answer, in Dutch, with an audit row', async () => {
		const gone = await new MockProvider().start();
		const issuer = gone.issuer;
		await gone.stop();
		const down = await addProvider(t.db, admin, issuer, { municipalityId: 'leiderdorp', emailDomains: 'leiderdorp.nl' });
		const err = await expectRefused(
			signIn.beginSignIn(t.db, down, { purpose: 'login', next: '/', redirectUri: REDIRECT_URI, origin: testOrigin }),
			'provider_unreachable',
			'signin_refused_unreachable'
		);
		expect(err.status).toBe(503);
	});

	it('refuses when the token endpoint fails on the way back', async () => {
		provider.server.service.once('beforeResponse', (response: { statusCode: number; body: unknown }) => {
			response.statusCode = 503;
			response.body = { error: 'temporarily_unavailable' };
		});
		await expectRefused(runSignIn(t.db, leiden), 'provider_unreachable', 'signin_refused_unreachable');
	});

	it('refuses an unknown provider id', async () => {
		await expectRefused(
			signIn.beginSignIn(t.db, 'geen-uuid', { purpose: 'login', next: '/', redirectUri: REDIRECT_URI, origin: testOrigin }),
			'provider_unknown',
			'signin_refused_provider_unknown'
		);
	});
});

describe('an address that keeps starting', () => {
	it('is refused past the limit with a Dutch message and an audit row; another address still starts', async () => {
		const busy: Origin = { ip: '198.51.100.7', userAgent: 'vitest' };
		const start = (origin: Origin) => signIn.beginSignIn(t.db, leiden, { purpose: 'login', next: '/', redirectUri: REDIRECT_URI, origin });
		for (let i = 0; i < signIn.startLimit.max; i++) await start(busy);
		const before = (await t.db.select({ n: count() }).from(signInAttempts))[0].n;
		await expectRefused(start(busy), 'rate_limited', 'signin_refused_rate_limited');
		expect((await t.db.select({ n: count() }).from(signInAttempts))[0].n).toBe(before);
		await expect(start(testOrigin)).resolves.toMatchObject({ state: expect.any(String) });
	});
});

describe('stored attempts', () => {
	it('keeps the PKCE verifier sealed and removes an attempt when it is used', async () => {
		const start = await signIn.beginSignIn(t.db, leiden, { purpose: 'login', next: '/', redirectUri: REDIRECT_URI, origin: testOrigin });
		const url = new URL(start.url);
		expect(url.searchParams.get('code_challenge_method')).toBe('S256');
		expect(url.searchParams.get('nonce')).toBeTruthy();
		expect(url.searchParams.get('state')).toBe(start.state);
		const rows = await t.db.select().from(signInAttempts);
		expect(rows.length).toBeGreaterThan(0);
		expect(JSON.stringify(rows)).not.toContain(start.state);
		const back = await authorize(start.url);
		await signIn.finishSignIn(t.db, { callbackUrl: back, browserState: start.state, redirectUri: REDIRECT_URI, origin: testOrigin, session: null });
		const left = await t.db.select().from(signInAttempts);
		expect(left.length).toBe(rows.length - 1);
	});
});
