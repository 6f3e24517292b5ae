import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db';
import { users } from '../../db/schema';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import type { Actor } from '../../permissions';

export const nameSchema = z.object({
	name: z.string('validation_required').trim().min(1, 'validation_required').max(120, 'validation_name_too_long')
});

/** Changes the display name shown to others (in the header, comments, audit trail). */
export async function changeName(db: Db, actor: Actor, input: unknown, origin: Origin, now = new Date()): Promise<string> {
	const { name } = parse(nameSchema, input);
	await db.transaction(async (tx) => {
		const [before] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
		await tx.update(users).set({ name, updatedAt: now }).where(eq(users.id, actor.userId));
		await record(tx, {
			actor: { userId: actor.userId, name },
			action: 'account.name_changed',
			objectType: 'user',
			objectId: actor.userId,
			origin,
			details: { from: before?.name, to: name }
		});
	});
	return name;
}
