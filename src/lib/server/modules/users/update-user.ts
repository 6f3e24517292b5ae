import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { users } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { updateUserSchema } from '../../../validation/admin';
import { record, type Origin } from '../audit';
import { lockUser } from './target';

/** Changes a user's name (the e-mail address is the login and stays as invited). */
export async function updateUser(db: Db, actor: Actor | null, userId: string, input: unknown, origin: Origin): Promise<void> {
	authorize(actor, 'users.manage');
	const { name } = parse(updateUserSchema, input);
	await db.transaction(async (tx) => {
		const user = await lockUser(tx, userId);
		if (user.name === name) return;
		await tx.update(users).set({ name, updatedAt: new Date() }).where(eq(users.id, user.id));
		await record(tx, {
			actor,
			action: 'user.updated',
			objectType: 'user',
			objectId: user.id,
			origin,
			details: { before: { name: user.name }, after: { name } }
		});
	});
}
