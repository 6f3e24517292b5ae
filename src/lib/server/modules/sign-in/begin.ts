import { eq, lt } from 'drizzle-orm';
import * as oidc from 'openid-client';
import type { Db } from '../../db';
import { signInAttempts, signInProviders } from '../../db/schema';
import type { AuthSession } from '../../auth/auth-session';
import { hashToken } from '../../auth/tokens';
import { sealText } from '../../auth/sealed';
import { registerFailure, retryAfter, type Limit } from '../../auth/rate-limit';
import { isUuid } from '../../validate';
import type { Origin } from '../audit';
import { providerConfiguration, type ProviderRow } from './client';
import { SignInRefused } from './refusal';
import { auditRefusal } from './audit-refusal';

/** A sign-in at the provider must come back within ten minutes, and once. */
export const ATTEMPT_MS = 10 * 60 * 1000;

/**
 * Starts per address: every start stores an attempt, so an address that starts without end is refused for the rest
 * of the quarter of an hour. Thirty is far more than a person clicking the button again after a refusal.
 */
export const startLimit: Limit = { max: 30, windowMs: 15 * 60 * 1000 };
const startKey = (origin: Origin) => `signin:start:${origin.ip ?? 'onbekend'}`;

export type SignInPurpose = 'login' | 'step_up';

export interface BeginSignIn {
	purpose: SignInPurpose;
	/** Where to go afterwards: already a safe local path (`safeRedirectTarget`). */
	next: string;
	/** This portal's callback address, `<origin>/inloggen/oidc/terug`, as registered at the provider. */
	redirectUri: string;
	origin: Origin;
	/** For a step-up: the session whose second factor the provider is to confirm, and its person. */
	session?: AuthSession | null;
	who?: { userId: string; name: string } | null;
	now?: Date;
}

/** The provider's address to send the browser to, and the `state` the browser must keep (cookie) until it returns. */
export interface SignInStart {
	url: string;
	state: string;
}

export async function loadProvider(db: Db, providerId: string): Promise<ProviderRow> {
	const [provider] = isUuid(providerId) ? await db.select().from(signInProviders).where(eq(signInProviders.id, providerId)) : [];
	if (!provider) throw new SignInRefused('provider_unknown');
	return provider;
}

/**
 * Starts a sign-in (or a step-up) at a provider: authorization code flow with PKCE (S256), `state` and `nonce`.
 * The attempt is stored server-side (verifier sealed) and usable once; a step-up asks the provider for a fresh
 * login (`max_age=0`, `prompt=login`). A provider that does not answer is refused and audited.
 */
export async function beginSignIn(db: Db, providerId: string, input: BeginSignIn): Promise<SignInStart> {
	const now = input.now ?? new Date();
	try {
		const provider = await loadProvider(db, providerId);
		if (input.purpose === 'step_up' && !input.session) throw new SignInRefused('attempt_invalid');
		if ((await retryAfter(db, startKey(input.origin), startLimit, now)) > 0) throw new SignInRefused('rate_limited');
		const config = await providerConfiguration(provider);
		const state = oidc.randomState();
		const nonce = oidc.randomNonce();
		const verifier = oidc.randomPKCECodeVerifier();
		const params: Record<string, string> = {
			redirect_uri: input.redirectUri,
			scope: 'openid email profile',
			code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
			code_challenge_method: 'S256',
			state,
			nonce
		};
		if (input.purpose === 'step_up') Object.assign(params, { max_age: '0', prompt: 'login' });
		await db.transaction(async (tx) => {
			await tx.delete(signInAttempts).where(lt(signInAttempts.expiresAt, now));
			await registerFailure(tx, startKey(input.origin), startLimit, now);
			await tx.insert(signInAttempts).values({
				id: hashToken(state),
				providerId: provider.id,
				purpose: input.purpose,
				nonce,
				codeVerifierEncrypted: sealText(verifier),
				next: input.next,
				authSessionId: input.purpose === 'step_up' ? (input.session?.id ?? null) : null,
				createdAt: now,
				expiresAt: new Date(now.getTime() + ATTEMPT_MS)
			});
		});
		return { url: oidc.buildAuthorizationUrl(config, params).href, state };
	} catch (err) {
		if (err instanceof SignInRefused) {
			err.purpose = input.purpose;
			await auditRefusal(db, err, { purpose: input.purpose, providerId, origin: input.origin, session: input.session ?? null, who: input.who });
		}
		throw err;
	}
}
