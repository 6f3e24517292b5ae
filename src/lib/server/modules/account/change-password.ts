import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db';
import { authSessions, users } from '../../db/schema';
import { DomainError } from '../../errors';
import { event, inTransaction } from '../../bus';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import type { Actor } from '../../permissions';
import { newPasswordFields, repeatMatches } from '../../auth/new-password';
import { hashPassword, verifyPassword } from '../../auth/password';
import { clearFailures, passwordChangeLimit, registerFailure, retryAfter } from '../../auth/rate-limit';

export const changePasswordSchema = z
	.object({
		current: z.string('validation_required').min(1, 'validation_required').max(256, 'validation_password_too_long'),
		...newPasswordFields
	})
	.refine(...repeatMatches);

// Same budget as login: a borrowed session must not become a way to guess the password.
const attemptKey = (userId: string) => `password-change:account:${userId}`;

/** Changes the password after checking the current one; every other session of the user ends. */
export async function changePassword(db: Db, actor: Actor, currentSessionId: string, input: unknown, origin: Origin, now = new Date()): Promise<void> {
	const { current, password } = parse(changePasswordSchema, input);
	const wait = await retryAfter(db, attemptKey(actor.userId), passwordChangeLimit, now);
	if (wait > 0) throw new DomainError('auth_rate_limited', { minutes: Math.ceil(wait / 60) }, {}, 429);
	const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
	if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, current))) {
		await db.transaction(async (tx) => {
			await registerFailure(tx, attemptKey(actor.userId), passwordChangeLimit, now);
			await record(tx, {
				actor,
				action: 'account.password_changed',
				objectType: 'user',
				objectId: actor.userId,
				result: 'failure',
				origin,
				details: { reason: 'wrong_current' }
			});
		});
		throw new DomainError('error_validation', {}, { current: 'validation_current_password_wrong' }, 400);
	}
	const passwordHash = await hashPassword(password);
	await inTransaction(db, async (tx, events) => {
		await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, actor.userId));
		await clearFailures(tx, attemptKey(actor.userId));
		const rows = await tx
			.delete(authSessions)
			.where(and(eq(authSessions.userId, actor.userId), ne(authSessions.id, currentSessionId)))
			.returning({ id: authSessions.id });
		await record(tx, {
			actor,
			action: 'account.password_changed',
			objectType: 'user',
			objectId: actor.userId,
			origin,
			details: { endedSessions: rows.length }
		});
		events.add(event('auth.sessions_ended', { sessionIds: rows.map((r) => r.id), reason: 'logout' }));
	});
}
