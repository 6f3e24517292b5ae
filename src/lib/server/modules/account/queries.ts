import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { authSessions, users } from '../../db/schema';
import { unusedRecoveryCodeCount } from '../../auth/recovery-codes';
import type { Actor } from '../../permissions';
import { requiresTwoFactor } from '../users';
import { sessionRef } from './session-ref';

export interface AccountSession {
	ref: string;
	createdAt: Date;
	ip: string | null;
	userAgent: string | null;
	current: boolean;
}

export interface AccountOverview {
	name: string;
	email: string;
	locale: string;
	/** False for a person who only ever signed in with their municipality's account: there is no password to change. */
	hasPassword: boolean;
	twoFactor: { enabledAt: Date | null; required: boolean; recoveryCodesLeft: number };
	sessions: AccountSession[];
}

/** Everything "My account" shows, for the signed-in user only. */
export async function accountOverview(q: Queryable, actor: Actor, currentSessionId: string): Promise<AccountOverview> {
	const [user] = await q.select().from(users).where(eq(users.id, actor.userId));
	const sessions = await listOwnSessions(q, actor.userId, currentSessionId);
	return {
		name: user.name,
		email: user.email,
		locale: user.locale,
		hasPassword: user.passwordHash !== null,
		twoFactor: {
			enabledAt: user.totpEnabledAt,
			required: requiresTwoFactor(actor.grants),
			recoveryCodesLeft: user.totpEnabledAt ? await unusedRecoveryCodeCount(q, actor.userId) : 0
		},
		sessions
	};
}

/** The user's active sessions, the current one first, then newest first. */
export async function listOwnSessions(q: Queryable, userId: string, currentSessionId: string, now = new Date()): Promise<AccountSession[]> {
	const rows = await q.select().from(authSessions).where(eq(authSessions.userId, userId)).orderBy(desc(authSessions.createdAt));
	return rows
		.filter((s) => s.expiresAt > now && s.absoluteExpiresAt > now)
		.map((s) => ({ ref: sessionRef(s.id), createdAt: s.createdAt, ip: s.ip, userAgent: s.userAgent, current: s.id === currentSessionId }))
		.sort((a, b) => Number(b.current) - Number(a.current));
}
