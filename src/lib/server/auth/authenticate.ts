import type { Queryable } from '../db';
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
}

export async function authenticate(q: Queryable, token: string | undefined, now = new Date()): Promise<Authenticated | null> {
	if (!token) return null;
	const found = await validateAuthSessionToken(q, token, now);
	if (!found) return null;
	const actor = await loadActor(q, found.user);
	return { ...found, actor, stage: stageOf(found.user, found.session, actor) };
}

function stageOf(user: SessionUser, session: AuthSession, actor: Actor): AuthStage {
	if (user.totpEnabledAt) return session.twoFactorVerifiedAt ? 'ok' : 'two_factor';
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
