import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { emailTokens, users } from '../../db/schema';
import { invalidateUserAuthSessions } from '../../auth/auth-session';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { event, inTransaction } from '../../bus';
import { record, type Origin } from '../audit';
import { lockUser } from './target';

/**
 * Shuts an account: it can no longer log in, every session ends, open e-mail links stop working,
 * and after commit its live connections are closed. Administrators cannot disable themselves.
 */
export async function disableUser(db: Db, actor: Actor | null, userId: string, origin: Origin): Promise<void> {
	authorize(actor, 'users.manage');
	await inTransaction(db, async (tx, events) => {
		const user = await lockUser(tx, userId);
		if (user.id === actor.userId) throw new DomainError('admin_cannot_disable_self', {}, {}, 409);
		if (user.disabledAt) throw new DomainError('admin_user_already_disabled', {}, {}, 409);
		const now = new Date();
		await tx.update(users).set({ disabledAt: now, updatedAt: now }).where(eq(users.id, user.id));
		const sessions = await invalidateUserAuthSessions(tx, user.id);
		await tx
			.update(emailTokens)
			.set({ usedAt: now })
			.where(and(eq(emailTokens.userId, user.id), isNull(emailTokens.usedAt)));
		await record(tx, {
			actor,
			action: 'user.disabled',
			objectType: 'user',
			objectId: user.id,
			origin,
			details: { email: user.email, sessionsEnded: sessions.length }
		});
		events.add(event('user.disabled', { userId: user.id }));
	});
}
