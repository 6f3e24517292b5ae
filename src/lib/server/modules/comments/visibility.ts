import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { comments } from '../../db/schema';
import type { Actor } from '../../permissions';

/** The municipalities an actor belongs to (any municipal role); internal comments of these are theirs to read. */
export function ownMunicipalities(actor: Pick<Actor, 'grants'>): string[] {
	return [...new Set(actor.grants.map((g) => g.municipalityId).filter((m): m is string => !!m))];
}

/** May this actor read a comment with this visibility? Shared: everyone who may read the item. */
export function mayRead(actor: Pick<Actor, 'grants'>, c: { visibility: string; municipalityId: string | null }): boolean {
	return c.visibility === 'shared' || (!!c.municipalityId && ownMunicipalities(actor).includes(c.municipalityId));
}

/** The same rule as SQL, for every query that lists comments. */
export function visibleWhere(actor: Pick<Actor, 'grants'>): SQL {
	const own = ownMunicipalities(actor);
	const shared = sql`${comments.visibility} = 'shared'`;
	return own.length ? (or(shared, inArray(comments.municipalityId, own)) as SQL) : shared;
}

/**
 * Who may see a thread: a new thread on the item is shared; a reply's audience is its root's. Null when the
 * thread does not exist on this item or the actor may not read it.
 */
export async function threadAudience(
	q: Queryable,
	actor: Pick<Actor, 'grants'>,
	itemId: string,
	rootId: string | null
): Promise<{ itemId: string; visibility: string; municipalityId: string | null } | null> {
	if (!rootId) return { itemId, visibility: 'shared', municipalityId: null };
	const [root] = await q
		.select({ visibility: comments.visibility, municipalityId: comments.municipalityId, itemId: comments.itemId })
		.from(comments)
		.where(eq(comments.id, rootId));
	return root && root.itemId === itemId && mayRead(actor, root) ? root : null;
}
