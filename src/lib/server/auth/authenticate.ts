import type { Queryable } from '../db';
import { VersionCache } from '../db/version-cache';
import type { Actor } from '../permissions';
import { loadActor, requiresTwoFactor } from '../modules/users';
import { validateAuthSessionToken, type AuthSession, type SessionUser } from './auth-session';

export const SESSION_COOKIE = 'rp_session';

/**
 * Where a signed-in person stands: `ok`, or still owing a second factor (`two_factor`),
 * or holding a role that needs 2FA without having set it up (`two_factor_setup`).
 */
export type AuthStage = 'ok' | 'two_factor' | 'two_factor_setup';

export interface Authenticated {
	session: AuthSession;
	user: SessionUser;
	actor: Actor;
	stage: AuthStage;
	/** The data version as the session was read: a page read at the same version is still current. */
	dataVersion: string;
}

export async function authenticate(q: Queryable, token: string | undefined, now = new Date()): Promise<Authenticated | null> {
	if (!token) return null;
	const found = await validateAuthSessionToken(q, token, now);
	if (!found) return null;
	const actor = await actorAt(q, found.user, found.dataVersion);
	return { ...found, actor, stage: stageOf(found.user, found.session, actor) };
}

/**
 * A person's grants as of a data version: read once, then reused by every request at that version (a changed role
 * raises it, so the next request sees the change). One store per database handle.
 */
const actorsByDb = new WeakMap<object, VersionCache<Actor>>();
async function actorAt(q: Queryable, user: SessionUser, dataVersion: string): Promise<Actor> {
	let actors = actorsByDb.get(q);
	if (!actors) actorsByDb.set(q, (actors = new VersionCache({ max: 1000, ttl: 10 * 60_000 })));
	const key = `${user.id}\n${user.name}`;
	const known = actors.get(dataVersion, key);
	if (known) return known;
	const actor = await loadActor(q, user);
	actors.set(dataVersion, key, actor);
	return actor;
}

function stageOf(user: SessionUser, session: AuthSession, actor: Actor): AuthStage {
	if (user.totpEnabledAt) return session.twoFactorVerifiedAt ? 'ok' : 'two_factor';
	// A sign-in at the municipality's provider that attested multi-factor verifies the session without TOTP.
	if (session.twoFactorVerifiedAt) return 'ok';
	return requiresTwoFactor(actor.grants) ? 'two_factor_setup' : 'ok';
}

/** Reads one cookie from a raw Cookie header (for the socket handshake). */
export function readCookie(header: string | undefined, name: string): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const [k, ...v] = part.trim().split('=');
		if (k === name) return decodeURIComponent(v.join('='));
	}
	return undefined;
}
