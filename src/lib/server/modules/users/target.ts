import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { users } from '../../db/schema';
import { DomainError } from '../../errors';
import { isUuid } from '../../validate';

export type UserRow = typeof users.$inferSelect;

export function userNotFound(): DomainError {
	return new DomainError('admin_user_not_found', {}, {}, 404);
}

/**
 * The user an administrator acts on, locked for the rest of the transaction so two administrators
 * changing the same account take turns. An id that is not even a UUID is simply not found.
 */
export async function lockUser(tx: Queryable, userId: string): Promise<UserRow> {
	if (!isUuid(userId)) throw userNotFound();
	const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
	if (!user) throw userNotFound();
	return user;
}
