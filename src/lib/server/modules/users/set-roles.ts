import { and, eq, isNull, or } from 'drizzle-orm';
import type { Db, Queryable } from '../../db';
import { memberships } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { grantValue, setRolesSchema, type GrantInput } from '../../../validation/admin';
import { record, type Origin } from '../audit';
import { grantsOfUsers, sortGrants } from './grants';
import { lockUser } from './target';
import { event, inTransaction } from '../../bus';

export interface RolesChange {
	added: string[];
	removed: string[];
}

/**
 * Makes the user's roles exactly the given set. The audit row holds the set before and after.
 * Administrators cannot take away their own administrator role, so the region never locks itself out.
 */
export async function setRoles(db: Db, actor: Actor | null, userId: string, input: unknown, origin: Origin): Promise<RolesChange> {
	authorize(actor, 'users.manage');
	const { grants } = parse(setRolesSchema, input);
	return inTransaction(db, async (tx, events) => {
		const user = await lockUser(tx, userId);
		const before = (await grantsOfUsers(tx, [user.id])).get(user.id) ?? [];
		const after = sortGrants(grants);
		if (user.id === actor.userId && holdsAdmin(before) && !holdsAdmin(after)) {
			throw new DomainError('admin_cannot_remove_own_admin', {}, { grants: 'admin_keep_own_admin_role' }, 409);
		}
		const change = difference(before, after);
		if (!change.added.length && !change.removed.length) return change;
		await removeGrants(
			tx,
			user.id,
			before.filter((g) => change.removed.includes(grantValue(g)))
		);
		const toAdd = after.filter((g) => change.added.includes(grantValue(g)));
		if (toAdd.length) await tx.insert(memberships).values(toAdd.map((g) => ({ userId: user.id, ...g })));
		await record(tx, {
			actor,
			action: 'user.roles_changed',
			objectType: 'user',
			objectId: user.id,
			origin,
			details: { before: before.map(grantValue), after: after.map(grantValue), ...change }
		});
		// Rights that change take effect at once: live connections leave what they may no longer hear.
		events.add(event('user.access_changed', { userId: user.id }));
		return change;
	});
}

const holdsAdmin = (grants: GrantInput[]) => grants.some((g) => g.role === 'administrator');

function difference(before: GrantInput[], after: GrantInput[]): RolesChange {
	const was = new Set(before.map(grantValue));
	const will = new Set(after.map(grantValue));
	return {
		added: [...will].filter((k) => !was.has(k)),
		removed: [...was].filter((k) => !will.has(k))
	};
}

async function removeGrants(tx: Queryable, userId: string, grants: GrantInput[]): Promise<void> {
	if (!grants.length) return;
	const matches = grants.map((g) =>
		and(eq(memberships.role, g.role), g.municipalityId ? eq(memberships.municipalityId, g.municipalityId) : isNull(memberships.municipalityId))
	);
	await tx.delete(memberships).where(and(eq(memberships.userId, userId), or(...matches)));
}
