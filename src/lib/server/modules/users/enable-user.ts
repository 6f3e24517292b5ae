import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { users } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { record, type Origin } from '../audit';
import { lockUser } from './target';

/** Lets a disabled account log in again (with its old password and roles). */
export async function enableUser(db: Db, actor: Actor | null, userId: string, origin: Origin): Promise<void> {
	authorize(actor, 'users.manage');
	await db.transaction(async (tx) => {
		const user = await lockUser(tx, userId);
		if (!user.disabledAt) throw new DomainError('admin_user_not_disabled', {}, {}, 409);
		await tx.update(users).set({ disabledAt: null, updatedAt: new Date() }).where(eq(users.id, user.id));
		await record(tx, { actor, action: 'user.enabled', objectType: 'user', objectId: user.id, origin, details: { email: user.email } });
	});
}
