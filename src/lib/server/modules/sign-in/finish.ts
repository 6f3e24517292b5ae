import { and, eq } from 'drizzle-orm';
import * as oidc from 'openid-client';
import type { Db } from '../../db';
import { signInAttempts, signInLinks, users } from '../../db/schema';
import { createAuthSession, markTwoFactorVerified, type AuthSession, type NewAuthSession } from '../../auth/auth-session';
import { hashToken } from '../../auth/tokens';
import { unsealText } from '../../auth/sealed';
import { record, type Origin } from '../audit';
import { accountForSignIn, type ProviderIdentity } from './accounts';
import { auditRefusal } from './audit-refusal';
import { loadProvider, type SignInPurpose } from './begin';
import { claimOf, providerConfiguration, reasonOf, type ProviderRow } from './client';
import { attestsMultiFactor } from './mfa';
import { SignInRefused } from './refusal';
import { hasForbiddenCharacters } from '../../../validation/text';

/** A step-up's login at the provider must be this recent (`auth_time`, seconds; clock skew included). */
const STEP_UP_MAX_AGE_S = 120;

type Attempt = typeof signInAttempts.$inferSelect;

export interface FinishSignIn {
	/** The address the provider sent the browser back to (code, state, or an error). */
	callbackUrl: URL;
	/** The `state` the browser kept in its cookie since the start: binds the answer to this browser. */
	browserState: string | undefined;
	/** The same callback address as at the start. */
	redirectUri: string;
	origin: Origin;
	/** The browser's current session, if any (a step-up confirms it). */
	session: AuthSession | null;
	who?: { userId: string; name: string } | null;
	now?: Date;
}

export type SignInOutcome = ({ kind: 'login'; needsTwoFactor: boolean; locale: string; next: string } & NewAuthSession) | { kind: 'step_up'; next: string };

/**
 * Completes a sign-in when the provider sends the browser back: the attempt is taken (once), the code exchanged
 * and the ID token validated by openid-client (signature against the provider's keys, issuer, audience, expiry,
 * nonce, state, PKCE; `auth_time` for a step-up), then the account found and a portal session made, or the
 * session's second factor confirmed. Every refusal is audited and thrown as `SignInRefused`; no session is made.
 */
export async function finishSignIn(db: Db, input: FinishSignIn): Promise<SignInOutcome> {
	const now = input.now ?? new Date();
	let attempt: Attempt | undefined;
	try {
		attempt = await takeAttempt(db, input, now);
		const provider = await loadProvider(db, attempt.providerId);
		const claims = await exchangeCode(provider, attempt, input);
		if (attempt.purpose === 'step_up') return await confirmStepUp(db, provider, attempt, claims, input, now);
		return await completeLogin(db, provider, attempt, claims, input, now);
	} catch (err) {
		if (!(err instanceof SignInRefused)) throw err;
		err.purpose = (attempt?.purpose as SignInPurpose | undefined) ?? 'login';
		err.next = attempt?.next;
		await auditRefusal(db, err, {
			purpose: err.purpose,
			providerId: attempt?.providerId ?? null,
			origin: input.origin,
			session: input.session,
			who: input.who
		});
		throw err;
	}
}

/** The stored attempt of this `state`, deleted as it is read: a replayed answer finds nothing. */
async function takeAttempt(db: Db, input: FinishSignIn, now: Date): Promise<Attempt> {
	const state = input.callbackUrl.searchParams.get('state');
	if (!state || !input.browserState || state !== input.browserState) throw new SignInRefused('attempt_invalid');
	const [attempt] = await db
		.delete(signInAttempts)
		.where(eq(signInAttempts.id, hashToken(state)))
		.returning();
	if (!attempt || attempt.expiresAt.getTime() <= now.getTime()) throw new SignInRefused('attempt_invalid');
	return attempt;
}

async function exchangeCode(provider: ProviderRow, attempt: Attempt, input: FinishSignIn): Promise<oidc.IDToken> {
	const config = await providerConfiguration(provider);
	// The answer is read at the registered callback address (behind a proxy the request's own may differ).
	const current = new URL(input.redirectUri);
	current.search = input.callbackUrl.search;
	try {
		const tokens = await oidc.authorizationCodeGrant(config, current, {
			pkceCodeVerifier: unsealText(attempt.codeVerifierEncrypted),
			expectedState: input.browserState,
			expectedNonce: attempt.nonce,
			idTokenExpected: true,
			...(attempt.purpose === 'step_up' ? { maxAge: STEP_UP_MAX_AGE_S } : {})
		});
		const claims = tokens.claims();
		if (!claims) throw new SignInRefused('token_rejected');
		return claims;
	} catch (err) {
		if (err instanceof SignInRefused) throw err;
		throw new SignInRefused(reasonOf(err), { claim: claimOf(err) });
	}
}

function identityOf(claims: oidc.IDToken): ProviderIdentity {
	// The portal's one rule for text holds for a provider's claims too: a subject it cannot store is no identity.
	if (hasForbiddenCharacters(claims.sub)) throw new SignInRefused('token_rejected', { claim: 'sub' });
	const raw = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null;
	const email = raw !== null && !hasForbiddenCharacters(raw) ? raw : null;
	return {
		subject: claims.sub,
		email: email && /^[^@\s]+@[^@\s]+$/.test(email) ? email : null,
		// Entra ID sends no `email_verified`; its optional claim `xms_edov` (the address's domain is verified by the
		// tenant that owns it) says the same for an organisation's own directory.
		emailVerified: claims.email_verified === true || claims.xms_edov === true,
		name: typeof claims.name === 'string' ? claims.name : null
	};
}

async function completeLogin(db: Db, provider: ProviderRow, attempt: Attempt, claims: oidc.IDToken, input: FinishSignIn, now: Date): Promise<SignInOutcome> {
	const mfa = attestsMultiFactor(claims);
	return db.transaction(async (tx) => {
		const user = await accountForSignIn(tx, provider, identityOf(claims), input.origin, now);
		// The provider's MFA stands in for the portal's own code; without it a person with TOTP still gives one.
		const needsTwoFactor = !mfa && !!user.totpEnabledAt;
		const created = await createAuthSession(tx, user.id, input.origin, { twoFactorVerified: mfa, now });
		await tx.update(users).set({ lastSignInAt: now, lastSignInMethod: 'oidc' }).where(eq(users.id, user.id));
		await record(tx, {
			actor: { userId: user.id, name: user.name },
			action: 'auth.logged_in',
			objectType: 'user',
			objectId: user.id,
			origin: input.origin,
			details: { stage: needsTwoFactor ? 'provider' : 'complete', via: 'oidc', providerId: provider.id, mfa }
		});
		return { kind: 'login' as const, ...created, needsTwoFactor, locale: user.locale, next: attempt.next };
	});
}

/**
 * A fresh login at the provider (max_age=0, auth_time checked) by the session's own person, with multi-factor
 * attested, confirms the session's second factor as the portal's TOTP would.
 */
async function confirmStepUp(db: Db, provider: ProviderRow, attempt: Attempt, claims: oidc.IDToken, input: FinishSignIn, now: Date): Promise<SignInOutcome> {
	const session = input.session;
	if (!session || session.id !== attempt.authSessionId) throw new SignInRefused('attempt_invalid');
	const [link] = await db
		.select({ userId: signInLinks.userId })
		.from(signInLinks)
		.where(and(eq(signInLinks.providerId, provider.id), eq(signInLinks.subject, claims.sub)));
	if (link?.userId !== session.userId) throw new SignInRefused('step_up_other_person', { userId: session.userId });
	if (!attestsMultiFactor(claims)) throw new SignInRefused('step_up_no_mfa', { userId: session.userId });
	await db.transaction(async (tx) => {
		await markTwoFactorVerified(tx, session.id, now);
		await record(tx, {
			actor: input.who ?? null,
			action: 'auth.two_factor_verified',
			objectType: 'user',
			objectId: session.userId,
			origin: input.origin,
			details: { purpose: 'step_up', method: 'oidc' }
		});
	});
	return { kind: 'step_up', next: attempt.next };
}
