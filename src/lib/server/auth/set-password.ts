import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Queryable } from '../db';
import { emailTokens, users } from '../db/schema';
import { DomainError } from '../errors';
import { record, type Origin } from '../modules/audit';
import { event, inTransaction } from '../bus';
import { parse } from '../validate';
import { createAuthSession, invalidateUserAuthSessions, type NewAuthSession } from './auth-session';
import { consumeEmailToken, peekEmailToken, type EmailToken, type EmailTokenPurpose } from './email-tokens';
import { newPasswordSchema } from './new-password';
import { hashPassword } from './password';
import { passwordOffFor } from '../modules/sign-in';

/** One page serves both kinds of link: the token itself knows what it is for. */
const purposes: EmailTokenPurpose[] = ['invitation', 'password_reset'];

export interface SetPasswordLink {
	purpose: EmailTokenPurpose;
	email: string;
	name: string;
}

async function peekAnyPurpose(q: Queryable, token: string, now: Date): Promise<EmailToken> {
	for (const purpose of purposes) {
		try {
			return await peekEmailToken(q, token, purpose, now);
		} catch (err) {
			if (!(err instanceof DomainError && err.key === 'auth_link_invalid')) throw err;
		}
	}
	throw new DomainError('auth_link_invalid', {}, {}, 404);
}

async function enabledUser(q: Queryable, userId: string) {
	const [user] = await q.select().from(users).where(eq(users.id, userId));
	if (!user) throw new DomainError('auth_link_invalid', {}, {}, 404);
	if (user.disabledAt) throw new DomainError('auth_account_disabled', {}, {}, 403);
	// Where the municipality requires its own sign-in service a password would be a way around it (a leaver's
	// forwarded mailbox): the link names the button to use instead.
	const off = await passwordOffFor(q, userId);
	if (off) throw off.refusal;
	return user;
}

/** For the form: whose link this is; throws a DomainError (invalid, used, expired) otherwise. */
export async function findSetPasswordLink(db: Db, token: string, now = new Date()): Promise<SetPasswordLink> {
	const row = await peekAnyPurpose(db, token, now);
	const user = await enabledUser(db, row.userId);
	return { purpose: row.purpose as EmailTokenPurpose, email: user.email, name: user.name };
}

export interface PasswordSet extends NewAuthSession {
	locale: string;
}

/**
 * Sets a password from an invitation or reset link: the link is used up (once), every existing session of
 * the account ends, every other open link stops working, and a new session starts. A user with 2FA
 * still has to give a code (the session starts unverified), so a mailbox alone never opens the account.
 */
export async function setPasswordFromLink(db: Db, token: string, input: unknown, origin: Origin, now = new Date()): Promise<PasswordSet> {
	const { password } = parse(newPasswordSchema, input);
	const { userId, purpose } = await peekAnyPurpose(db, token, now);
	await enabledUser(db, userId);
	const passwordHash = await hashPassword(password);
	const { created, locale } = await inTransaction(db, async (tx, events) => {
		await consumeEmailToken(tx, token, purpose as EmailTokenPurpose, now);
		const [user] = await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, userId)).returning();
		await tx
			.update(emailTokens)
			.set({ usedAt: now })
			.where(and(eq(emailTokens.userId, userId), isNull(emailTokens.usedAt)));
		const ended = await invalidateUserAuthSessions(tx, userId);
		const created = await createAuthSession(tx, userId, origin, { twoFactorVerified: false, now });
		const who = { userId, name: user.name };
		await record(tx, {
			actor: who,
			action: 'auth.password_set',
			objectType: 'user',
			objectId: userId,
			origin,
			details: { purpose, endedSessions: ended.length }
		});
		await record(tx, { actor: who, action: 'auth.logged_in', objectType: 'user', objectId: userId, origin, details: { stage: 'password_link' } });
		events.add(event('auth.sessions_ended', { sessionIds: ended, reason: 'expired' }));
		return { created, locale: user.locale };
	});
	return { ...created, locale };
}
