import { eq, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db';
import { memberships, users } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { grantValue, inviteUserSchema } from '../../../validation/admin';
import { record, type Origin } from '../audit';
import { queueInvitation } from './invitation-mail';
import { isUniqueViolation } from '../../db/pg-errors';

// The summary says a field needs attention; the field itself says why.
const emailTaken = () => new DomainError('error_validation', {}, { email: 'admin_email_taken' }, 409);

/**
 * Invites a person: the account (without password), its roles, a one-time link and the mail,
 * all with the audit row in one transaction; the mail leaves only after commit.
 */
export async function inviteUser(db: Db, actor: Actor | null, input: unknown, origin: Origin, siteUrl: string): Promise<{ userId: string; mailId: string }> {
	authorize(actor, 'users.manage');
	const { name, email, grants } = parse(inviteUserSchema, input);
	const result = await db
		.transaction(async (tx) => {
			await assertEmailFree(tx, email);
			const [user] = await tx.insert(users).values({ name, email }).returning();
			await tx.insert(memberships).values(grants.map((g) => ({ userId: user.id, ...g })));
			const mailId = await queueInvitation(tx, user, actor, siteUrl);
			await record(tx, {
				actor,
				action: 'user.invited',
				objectType: 'user',
				objectId: user.id,
				origin,
				details: { email, name, roles: grants.map(grantValue) }
			});
			return { userId: user.id, mailId };
		})
		.catch((err) => {
			// Two invitations for one address at the same moment: the unique index decides.
			throw isUniqueViolation(err) ? emailTaken() : err;
		});
	return result;
}

/** E-mail addresses are unique regardless of case (older rows may not be stored in lower case). */
async function assertEmailFree(tx: Queryable, email: string): Promise<void> {
	const [taken] = await tx
		.select({ id: users.id })
		.from(users)
		.where(eq(sql`lower(${users.email})`, email));
	if (taken) throw emailTaken();
}
