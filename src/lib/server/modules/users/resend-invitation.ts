import type { Db } from '../../db';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { record, type Origin } from '../audit';
import { queueInvitation } from './invitation-mail';
import { lockUser } from './target';

/** Sends a new invitation link to someone who has not accepted yet; the previous link stops working. */
export async function resendInvitation(db: Db, actor: Actor | null, userId: string, origin: Origin, siteUrl: string): Promise<{ mailId: string }> {
	authorize(actor, 'users.manage');
	const mailId = await db.transaction(async (tx) => {
		const user = await lockUser(tx, userId);
		if (user.passwordHash) throw new DomainError('admin_invitation_already_accepted', {}, {}, 409);
		if (user.disabledAt) throw new DomainError('admin_user_is_disabled', {}, {}, 409);
		const id = await queueInvitation(tx, user, actor, siteUrl);
		await record(tx, { actor, action: 'user.invitation_resent', objectType: 'user', objectId: user.id, origin, details: { email: user.email } });
		return id;
	});
	return { mailId };
}
