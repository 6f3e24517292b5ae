import { inArray, or, sql, type SQL } from 'drizzle-orm';
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

/** Socket rooms: shared comments go to `comments:<item>`, internal ones to `comments:<item>:<municipality>`. */
export function commentRooms(itemId: string, actor: Pick<Actor, 'grants'>): string[] {
	return [`comments:${itemId}`, ...ownMunicipalities(actor).map((m) => `comments:${itemId}:${m}`)];
}

export function roomFor(c: { itemId: string; visibility: string; municipalityId: string | null }): string {
	return c.visibility === 'internal' ? `comments:${c.itemId}:${c.municipalityId}` : `comments:${c.itemId}`;
}
