import { beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import type { TestDb } from '../../fixtures/db';
import { testOrigin, type NewUser } from '../../fixtures/factories';
import { auditEvents, authSessions } from '../../../src/lib/server/db/schema';
import { hasFreshTwoFactor, type AuthSession } from '../../../src/lib/server/auth/auth-session';
import { requireFreshTwoFactor } from '../../../src/lib/server/auth/two-factor-step-up';
import * as signIn from '../../../src/lib/server/modules/sign-in';
import { authorize, MockProvider, person, REDIRECT_URI, refusedWith, runSignIn, withLeidenProvider } from './oidc-helpers';

let t: TestDb;
let provider: MockProvider;
let admin: NewUser;
let leiden: string;
let member: NewUser;
const memberClaims = person('wethouder@leiden.nl', { amr: ['pwd', 'mfa'] });

const setup = withLeidenProvider('collegelid', memberClaims);
beforeAll(() => {
	({ t, provider, admin, leiden, member } = setup);
});

/** Signed in with MFA at the provider, an hour ago: the session is verified, but no longer fresh for a sign-off. */
async function staleSession(): Promise<AuthSession> {
	const outcome = await runSignIn(t.db, leiden);
	if (outcome.kind !== 'login') throw new Error('login expected');
	const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
	const [session] = await t.db.update(authSessions).set({ twoFactorVerifiedAt: hourAgo }).where(eq(authSessions.id, outcome.session.id)).returning();
	expect(() => requireFreshTwoFactor(session)).toThrow();
	return session;
}

const reread = async (id: string) => (await t.db.select().from(authSessions).where(eq(authSessions.id, id)))[0];
const nowS = () => Math.floor(Date.now() / 1000);

describe('step-up with a fresh login at the provider', () => {
	it('asks for a fresh login (max_age=0, prompt=login) and, with a recent auth_time and MFA, makes the second factor fresh', async () => {
		const session = await staleSession();
		const start = await signIn.beginSignIn(t.db, leiden, {
			purpose: 'step_up',
			next: '/agenda/1#kop-besluiten',
			redirectUri: REDIRECT_URI,
			origin: testOrigin,
			session
		});
		const url = new URL(start.url);
		expect(url.searchParams.get('max_age')).toBe('0');
		expect(url.searchParams.get('prompt')).toBe('login');
		provider.next = { auth_time: nowS() };
		const back = await authorize(start.url);
		const outcome = await signIn.finishSignIn(t.db, {
			callbackUrl: back,
			browserState: start.state,
			redirectUri: REDIRECT_URI,
			origin: testOrigin,
			session,
			who: member.actor
		});
		expect(outcome).toEqual({ kind: 'step_up', next: '/agenda/1#kop-besluiten' });
		expect(hasFreshTwoFactor(await reread(session.id))).toBe(true);
		const [row] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'auth.two_factor_verified'), eq(auditEvents.objectId, member.id)))
			.orderBy(desc(auditEvents.id))
			.limit(1);
		expect(row).toMatchObject({ actorUserId: member.id, details: { purpose: 'step_up', method: 'oidc' } });
	});

	it('refuses a login at the provider that is not fresh (old or missing auth_time)', async () => {
		const session = await staleSession();
		provider.next = { auth_time: nowS() - 3600 };
		const old = await refusedWith(runSignIn(t.db, leiden, { purpose: 'step_up', session }), 'token_rejected');
		expect(old.purpose).toBe('step_up');
		expect(old.context.claim).toBe('auth_time');
		await refusedWith(runSignIn(t.db, leiden, { purpose: 'step_up', session }), 'token_rejected');
		expect(hasFreshTwoFactor(await reread(session.id))).toBe(false);
	});

	it('refuses a fresh login without multi-factor, and one by another person', async () => {
		const session = await staleSession();
		provider.next = { auth_time: nowS(), amr: ['pwd'] };
		await refusedWith(runSignIn(t.db, leiden, { purpose: 'step_up', session }), 'step_up_no_mfa');
		provider.next = { auth_time: nowS(), sub: 'iemand-anders' };
		await refusedWith(runSignIn(t.db, leiden, { purpose: 'step_up', session }), 'step_up_other_person');
		expect(hasFreshTwoFactor(await reread(session.id))).toBe(false);
		const [row] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.two_factor_failed')).orderBy(desc(auditEvents.id)).limit(1);
		expect(row).toMatchObject({ objectId: member.id, result: 'denied', details: { purpose: 'step_up', reason: 'step_up_other_person' } });
	});

	it('refuses a step-up finished in another session than the one that started it', async () => {
		const session = await staleSession();
		const other = await staleSession();
		provider.next = { auth_time: nowS() };
		const start = await signIn.beginSignIn(t.db, leiden, { purpose: 'step_up', next: '/', redirectUri: REDIRECT_URI, origin: testOrigin, session });
		const back = await authorize(start.url);
		await refusedWith(
			signIn.finishSignIn(t.db, { callbackUrl: back, browserState: start.state, redirectUri: REDIRECT_URI, origin: testOrigin, session: other }),
			'attempt_invalid'
		);
	});

	it('offers the providers a person is linked to', async () => {
		expect(await signIn.stepUpChoices(t.db, member.id)).toEqual([{ id: leiden, municipalityId: 'leiden', municipalityName: 'Leiden' }]);
		expect(await signIn.stepUpChoices(t.db, admin.id)).toEqual([]);
	});
});
