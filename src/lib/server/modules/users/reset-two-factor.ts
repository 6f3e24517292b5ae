import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { recoveryCodes, users } from '../../db/schema';
import { invalidateUserAuthSessions } from '../../auth/auth-session';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { event, inTransaction } from '../../bus';
import { record, type Origin } from '../audit';
import { lockUser } from './target';

/**
 * For someone who lost their authenticator: removes the TOTP key and recovery codes, so they set up
 * 2FA afresh at their next login. Their sessions end too: the lost device may still hold one.
 * Administrators change their own 2FA on their account page, not here.
 */
export async function resetTwoFactor(db: Db, actor: Actor | null, userId: string, origin: Origin): Promise<void> {
	authorize(actor, 'users.manage');
	await inTransaction(db, async (tx, events) => {
		const user = await lockUser(tx, userId);
		if (user.id === actor.userId) throw new DomainError('admin_cannot_reset_own_two_factor', {}, {}, 409);
		if (!user.totpEnabledAt && !user.totpKeyEncrypted) throw new DomainError('admin_two_factor_not_enabled', {}, {}, 409);
		await tx.update(users).set({ totpKeyEncrypted: null, totpEnabledAt: null, updatedAt: new Date() }).where(eq(users.id, user.id));
		await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
		const sessions = await invalidateUserAuthSessions(tx, user.id);
		await record(tx, {
			actor,
			action: 'user.two_factor_reset',
			objectType: 'user',
			objectId: user.id,
			origin,
			details: { email: user.email, sessionsEnded: sessions.length }
		});
		events.add(event('user.two_factor_reset', { userId: user.id }));
	});
}
