import { inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { collaborationCoverNotes } from '../../db/schema';
import { can, municipalitiesFor, type Actor } from '../../permissions';

/** Which arrangements an actor may see: every one, for a reader of the register (the pages and the search alike). */
export function visibleCollaborationsWhere(actor: Actor | null): SQL | undefined {
	return can(actor, 'register.read') ? undefined : sql`false`;
}

/**
 * THE visibility rule of cover notes (*oplegnotities*), used by every query that lists notes or their comments:
 * a municipality's note is internal to it (its members holding register.covernote_read, and its writers) until
 * it is shared; a shared note is read by every reader of the register. Everything else here derives from this.
 */
export function internalNotesOf(actor: Actor | null): string[] {
	if (!can(actor, 'register.read')) return [];
	return [...new Set([...municipalitiesFor(actor, 'register.covernote_read'), ...municipalitiesFor(actor, 'register.covernote')])];
}

/** May this actor see this cover note (and its comments)? */
export function mayReadCoverNote(actor: Actor | null, note: { municipalityId: string; sharedAt: Date | null }): boolean {
	if (!can(actor, 'register.read')) return false;
	return note.sharedAt !== null || internalNotesOf(actor).includes(note.municipalityId);
}

/** The same rule as SQL, for every query that lists cover notes (or comments joined to them). */
export function visibleCoverNotesWhere(actor: Actor | null): SQL {
	if (!can(actor, 'register.read')) return sql`false`;
	const own = internalNotesOf(actor);
	return (
		own.length
			? or(isNotNull(collaborationCoverNotes.sharedAt), inArray(collaborationCoverNotes.municipalityId, own))
			: isNotNull(collaborationCoverNotes.sharedAt)
	) as SQL;
}
