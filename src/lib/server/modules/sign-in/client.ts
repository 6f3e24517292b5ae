import * as oidc from 'openid-client';
import { unsealText } from '../../auth/sealed';
import type { signInProviders } from '../../db/schema';
import { SignInRefused, type RefusalReason } from './refusal';

export type ProviderRow = typeof signInProviders.$inferSelect;

/** Seconds a provider gets to answer one request (discovery, keys, token): a person is waiting on the page. */
const TIMEOUT_S = 10;
/** How long a provider's discovered metadata is reused; its signing keys are cached by openid-client itself. */
const CONFIG_TTL_MS = 15 * 60 * 1000;

const configurations = new Map<string, { config: oidc.Configuration; at: number }>();

/** A changed provider (issuer, client, secret) has a new `updatedAt`, so its old configuration is never reused. */
const cacheKey = (p: ProviderRow) => `${p.id}:${p.updatedAt.getTime()}`;

/**
 * The openid-client configuration of a provider: discovery (issuer metadata and the JWKS address), the client id
 * and the decrypted secret. Plain HTTP only for a loopback issuer (validation refuses it elsewhere): a provider on
 * the developer's own machine and the tests' mock server.
 */
export async function providerConfiguration(p: ProviderRow, opts: { fresh?: boolean; now?: number } = {}): Promise<oidc.Configuration> {
	const now = opts.now ?? Date.now();
	const known = configurations.get(cacheKey(p));
	if (known && !opts.fresh && now - known.at < CONFIG_TTL_MS) return known.config;
	const insecure = new URL(p.issuer).protocol === 'http:';
	try {
		const config = await oidc.discovery(new URL(p.issuer), p.clientId, unsealText(p.clientSecretEncrypted), undefined, {
			timeout: TIMEOUT_S,
			// OpenID Connect lets a client trust a token endpoint's ID token on TLS alone; the portal checks its
			// signature against the provider's JWKS anyway (a proxy or a misrouted answer cannot forge one).
			execute: insecure ? [oidc.enableNonRepudiationChecks, oidc.allowInsecureRequests] : [oidc.enableNonRepudiationChecks]
		});
		for (const key of configurations.keys()) if (key.startsWith(`${p.id}:`)) configurations.delete(key);
		configurations.set(cacheKey(p), { config, at: now });
		return config;
	} catch (err) {
		throw new SignInRefused(reasonOf(err), { claim: claimOf(err) });
	}
}

const networkNames = new Set(['TimeoutError', 'AbortError']);

/**
 * What a failure of openid-client means for the person: the provider does not answer (network, timeout, a 5xx, an
 * answer that is not JSON), the provider refused the code (replayed or expired: an OAuth error from the token
 * endpoint), the provider refused the person (an error in the redirect back), or the ID token failed a check.
 */
export function reasonOf(err: unknown): RefusalReason {
	if (err instanceof SignInRefused) return err.reason;
	if (err instanceof TypeError || (err instanceof Error && networkNames.has(err.name))) return 'provider_unreachable';
	if (err instanceof oidc.AuthorizationResponseError) return 'provider_refused';
	if (err instanceof oidc.ResponseBodyError) return err.status >= 500 ? 'provider_unreachable' : 'code_refused';
	if (err instanceof oidc.ClientError) {
		// An answer that is no OAuth answer: a 4xx refused the request (a used code), anything else is an outage.
		if (err.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || err.code === 'OAUTH_RESPONSE_IS_NOT_JSON') {
			const status = err.cause instanceof Response ? err.cause.status : 0;
			return status >= 400 && status < 500 ? 'code_refused' : 'provider_unreachable';
		}
		return 'token_rejected';
	}
	return 'token_rejected';
}

/** The ID-token claim a failed check was about (`aud`, `exp`, `nonce`, `iss`, `auth_time`…), for the audit row. */
export function claimOf(err: unknown): string | undefined {
	let cause: unknown = err;
	for (let depth = 0; depth < 3 && cause instanceof Error; depth++) {
		const own = (cause as { claim?: unknown }).claim;
		if (typeof own === 'string') return own;
		const inner = cause.cause as { claim?: unknown } | undefined;
		if (inner && typeof inner === 'object' && typeof inner.claim === 'string') return inner.claim;
		cause = cause.cause;
	}
	return undefined;
}
