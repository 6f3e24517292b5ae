import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db';
import { collaborationAmbitions, collaborationBoardMeetings, collaborationCoverNotes, collaborations } from '../../../db/schema';
import { visibleCollaborationsWhere, visibleCoverNotesWhere } from '../../register';
import { bestIds, candidate, dateRange, group, headline, matches, noHits, present, type Context, type SearchGroup } from '../sql';

const serves = (ambitionId: number) =>
	sql`exists (select 1 from ${collaborationAmbitions} a where a.collaboration_id = ${collaborations.id} and a.ambition_id = ${ambitionId})`;
const takesPart = (municipalityId: string) =>
	sql`exists (select 1 from collaboration_participants p where p.collaboration_id = ${collaborations.id} and p.municipality_id = ${municipalityId})`;

/** Arrangements in the register by name and domain; the municipality filter is a participant, the date its start. */
export async function searchArrangements(q: Queryable, { actor, request, tsquery, limit }: Context): Promise<SearchGroup> {
	const matching = q
		.select(candidate('collaborations', collaborations.id, collaborations.updatedAt, tsquery))
		.from(collaborations)
		.where(
			and(
				matches('collaborations', tsquery),
				visibleCollaborationsWhere(actor),
				...present(request.ambitie ? serves(request.ambitie) : undefined, request.gemeente ? takesPart(request.gemeente) : undefined),
				...dateRange(sql`${collaborations.startsOn}`, request)
			)
		);
	const found = await bestIds(q, matching, limit);
	if (!found.ids.length) return noHits('arrangements', found);
	const rows = await q
		.select({
			id: collaborations.id,
			title: collaborations.name,
			passage: headline(sql`${collaborations.name} || ' · ' || ${collaborations.domain} || ' ' || ${collaborations.endReason}`, tsquery),
			at: collaborations.updatedAt,
			kind: collaborations.kind
		})
		.from(collaborations)
		.where(inArray(collaborations.id, found.ids));
	return group('arrangements', found, rows, (r) => ({
		...r,
		href: `/samenwerkingen/${r.id}`,
		itemId: null,
		ambitionId: null,
		status: null,
		municipalityId: null,
		internal: false,
		detail: r.kind
	}));
}

/** Cover notes (oplegnotities) through their one visibility rule: an internal note only for its municipality. */
export async function searchCoverNotes(q: Queryable, { actor, request, tsquery, limit }: Context): Promise<SearchGroup> {
	const matching = q
		.select(candidate('collaboration_cover_notes', collaborationCoverNotes.id, collaborationCoverNotes.updatedAt, tsquery))
		.from(collaborationCoverNotes)
		.innerJoin(collaborationBoardMeetings, eq(collaborationBoardMeetings.id, collaborationCoverNotes.boardMeetingId))
		.where(
			and(
				matches('collaboration_cover_notes', tsquery),
				visibleCoverNotesWhere(actor),
				...present(request.gemeente ? eq(collaborationCoverNotes.municipalityId, request.gemeente) : undefined),
				...dateRange(sql`${collaborationBoardMeetings.on}`, request)
			)
		);
	const found = await bestIds(q, matching, limit);
	if (!found.ids.length) return noHits('covernotes', found);
	const rows = await q
		.select({
			id: collaborationCoverNotes.id,
			collaborationId: collaborationCoverNotes.collaborationId,
			boardMeetingId: collaborationCoverNotes.boardMeetingId,
			title: collaborations.name,
			passage: headline(
				sql`${collaborationCoverNotes.agenda} || ' ' || ${collaborationCoverNotes.relevance} || ' ' || ${collaborationCoverNotes.proposedInput}`,
				tsquery
			),
			on: collaborationBoardMeetings.on,
			board: collaborationBoardMeetings.board,
			municipalityId: collaborationCoverNotes.municipalityId,
			sharedAt: collaborationCoverNotes.sharedAt
		})
		.from(collaborationCoverNotes)
		.innerJoin(collaborationBoardMeetings, eq(collaborationBoardMeetings.id, collaborationCoverNotes.boardMeetingId))
		.innerJoin(collaborations, eq(collaborations.id, collaborationCoverNotes.collaborationId))
		.where(inArray(collaborationCoverNotes.id, found.ids));
	return group('covernotes', found, rows, (r) => ({
		id: r.id,
		title: r.title,
		at: new Date(`${r.on}T12:00:00Z`),
		href: `/samenwerkingen/${r.collaborationId}/vergaderingen/${r.boardMeetingId}`,
		itemId: null,
		ambitionId: null,
		status: null,
		// Not shared yet: the page marks it, as it marks an internal comment.
		internal: !r.sharedAt,
		municipalityId: r.municipalityId,
		detail: r.board
	}));
}
