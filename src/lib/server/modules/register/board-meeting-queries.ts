import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db';
import {
	collaborationBoardMeetings,
	collaborationComments,
	collaborationCoverNotes,
	collaborationParticipants,
	municipalities,
	users,
	type BoardMeetingRow,
	type CoverNoteRow
} from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, municipalitiesFor, type Actor } from '../../permissions';
import { amsterdamParts } from '../../../meetings/time';
import { boardMeetingIdSchema } from '../../../validation/register-governance';
import { collaborationIdSchema } from '../../../validation/register';
import { loadCollaboration } from './change';
import { loadBoardMeeting } from './board-meetings';
import { internalNotesOf, visibleCoverNotesWhere } from './cover-note-visibility';

/** An id from an address: one of another shape names nothing, so it is "not found" (404) with the field named. */
function idOrRefuse(schema: typeof collaborationIdSchema, value: unknown, field: string, key: string): string {
	const parsed = schema.safeParse(value);
	if (!parsed.success) throw new DomainError(key, {}, { [field]: key }, 404);
	return parsed.data;
}

/** The cover notes of these meetings that this actor may see (the one rule), by municipality order. */
async function visibleNotes(q: Queryable, actor: Actor | null, meetingIds: string[]): Promise<CoverNoteRow[]> {
	if (!meetingIds.length) return [];
	return q
		.select({ note: collaborationCoverNotes })
		.from(collaborationCoverNotes)
		.innerJoin(municipalities, eq(municipalities.id, collaborationCoverNotes.municipalityId))
		.where(and(inArray(collaborationCoverNotes.boardMeetingId, meetingIds), visibleCoverNotesWhere(actor)))
		.orderBy(asc(municipalities.sortOrder))
		.then((rows) => rows.map((r) => r.note));
}

/** The participating municipalities of an arrangement, in the usual order, with their names. */
async function participants(q: Queryable, collaborationId: string) {
	return q
		.select({ id: municipalities.id, name: municipalities.name })
		.from(collaborationParticipants)
		.innerJoin(municipalities, eq(municipalities.id, collaborationParticipants.municipalityId))
		.where(eq(collaborationParticipants.collaborationId, collaborationId))
		.orderBy(asc(municipalities.sortOrder));
}

export type MeetingWithNotes = BoardMeetingRow & { notes: CoverNoteRow[] };

/**
 * The board meetings of an arrangement: coming ones first (soonest first, today included), then past ones
 * (latest first), each with the cover notes this actor may see.
 */
export async function listBoardMeetings(q: Queryable, actor: Actor | null, collaborationId: unknown, today = amsterdamParts(new Date()).date) {
	authorize(actor, 'register.read');
	const id = idOrRefuse(collaborationIdSchema, collaborationId, 'collaborationId', 'validation_register_unknown');
	const collaboration = await loadCollaboration(q, id);
	const meetings = await q
		.select()
		.from(collaborationBoardMeetings)
		.where(eq(collaborationBoardMeetings.collaborationId, id))
		.orderBy(asc(collaborationBoardMeetings.on), asc(collaborationBoardMeetings.createdAt));
	const notes = await visibleNotes(
		q,
		actor,
		meetings.map((mt) => mt.id)
	);
	const withNotes: MeetingWithNotes[] = meetings.map((mt) => ({ ...mt, notes: notes.filter((n) => n.boardMeetingId === mt.id) }));
	return {
		collaboration: { id: collaboration.id, name: collaboration.name, endedAt: collaboration.endedAt },
		upcoming: withNotes.filter((mt) => mt.on >= today),
		past: withNotes.filter((mt) => mt.on < today).reverse()
	};
}

/** The next few board meetings of an arrangement with the number of cover notes this actor may see (for a summary). */
export async function upcomingBoardMeetings(q: Queryable, actor: Actor | null, collaborationId: unknown, limit = 3, today?: string) {
	const { upcoming } = await listBoardMeetings(q, actor, collaborationId, today);
	return upcoming.slice(0, limit).map(({ notes, ...mt }) => ({ id: mt.id, board: mt.board, on: mt.on, title: mt.title, visibleNotes: notes.length }));
}

/**
 * One board meeting: per participating municipality its cover note as far as this actor may see it (null when
 * there is none, or none they may see), the comments on the visible notes, for which municipalities the actor
 * writes notes and whose unshared notes they read.
 */
export async function getBoardMeeting(q: Queryable, actor: Actor | null, collaborationId: unknown, meetingId: unknown) {
	authorize(actor, 'register.read');
	const cid = idOrRefuse(collaborationIdSchema, collaborationId, 'collaborationId', 'validation_register_unknown');
	const mid = idOrRefuse(boardMeetingIdSchema, meetingId, 'meetingId', 'validation_covernotes_meeting_unknown');
	const collaboration = await loadCollaboration(q, cid);
	const meeting = await loadBoardMeeting(q, mid, cid);
	const [notes, towns] = await Promise.all([visibleNotes(q, actor, [mid]), participants(q, cid)]);
	const comments = notes.length
		? await q
				.select({
					id: collaborationComments.id,
					coverNoteId: collaborationComments.coverNoteId,
					body: collaborationComments.body,
					createdAt: collaborationComments.createdAt,
					authorName: users.name
				})
				.from(collaborationComments)
				.innerJoin(users, eq(users.id, collaborationComments.authorId))
				.where(
					inArray(
						collaborationComments.coverNoteId,
						notes.map((n) => n.id)
					)
				)
				.orderBy(asc(collaborationComments.createdAt), asc(collaborationComments.id))
		: [];
	const writes = new Set(municipalitiesFor(actor, 'register.covernote'));
	const internal = new Set(internalNotesOf(actor));
	return {
		collaboration: { id: collaboration.id, name: collaboration.name, endedAt: collaboration.endedAt },
		meeting,
		municipalities: towns.map((t) => {
			const note = notes.find((n) => n.municipalityId === t.id) ?? null;
			return {
				...t,
				note,
				comments: note ? comments.filter((c) => c.coverNoteId === note.id) : [],
				mayWrite: writes.has(t.id),
				readsInternal: internal.has(t.id)
			};
		})
	};
}

/** The comments on the arrangement itself (not on a cover note), oldest first. */
export async function listCollaborationComments(q: Queryable, actor: Actor | null, collaborationId: unknown) {
	authorize(actor, 'register.read');
	const id = idOrRefuse(collaborationIdSchema, collaborationId, 'collaborationId', 'validation_register_unknown');
	await loadCollaboration(q, id);
	return q
		.select({ id: collaborationComments.id, body: collaborationComments.body, createdAt: collaborationComments.createdAt, authorName: users.name })
		.from(collaborationComments)
		.innerJoin(users, eq(users.id, collaborationComments.authorId))
		.where(and(eq(collaborationComments.collaborationId, id), isNull(collaborationComments.coverNoteId)))
		.orderBy(asc(collaborationComments.createdAt), asc(collaborationComments.id));
}
