import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db';
import { interviewCandidates, interviews } from '../../../db/schema';
import { visibleInterviewsWhere } from '../../interviews';
import { amsterdamDate, bestIds, candidate, dateRange, group, headline, matches, noHits, type Context, type SearchGroup } from '../sql';

export async function searchInterviews(q: Queryable, { actor, request, tsquery, limit }: Context): Promise<SearchGroup> {
	const matching = q
		.select(candidate('interviews', interviews.id, interviews.heldOn, tsquery))
		.from(interviews)
		.where(
			and(
				matches('interviews', tsquery),
				visibleInterviewsWhere(actor),
				request.gemeente ? eq(interviews.municipalityId, request.gemeente) : undefined,
				...dateRange(sql`${interviews.heldOn}`, request)
			)
		);
	const found = await bestIds(q, matching, limit);
	if (!found.ids.length) return noHits('interviews', found);
	const rows = await q
		.select({
			id: interviews.id,
			body: interviews.body,
			bodyOther: interviews.bodyOther,
			passage: headline(sql`rp_words(${interviews.participants}) || ' ' || ${interviews.notesText}`, tsquery),
			heldOn: interviews.heldOn,
			municipalityId: interviews.municipalityId
		})
		.from(interviews)
		.where(inArray(interviews.id, found.ids));
	return group('interviews', found, rows, (r) => ({
		id: r.id,
		// The page names the body in the reader's language; `overig` carries its own name.
		title: r.body === 'overig' ? r.bodyOther : r.body,
		at: new Date(`${r.heldOn}T12:00:00Z`),
		href: `/inventarisatie/${r.id}`,
		itemId: null,
		ambitionId: null,
		status: null,
		municipalityId: r.municipalityId,
		internal: false,
		detail: r.body
	}));
}

export async function searchCandidates(q: Queryable, { actor, request, tsquery, limit }: Context): Promise<SearchGroup> {
	const matching = q
		.select(candidate('interview_candidates', interviewCandidates.id, interviewCandidates.createdAt, tsquery))
		.from(interviewCandidates)
		.innerJoin(interviews, eq(interviews.id, interviewCandidates.interviewId))
		.where(
			and(
				matches('interview_candidates', tsquery),
				visibleInterviewsWhere(actor),
				request.ambitie ? eq(interviewCandidates.ambitionId, request.ambitie) : undefined,
				request.gemeente ? eq(interviews.municipalityId, request.gemeente) : undefined,
				...dateRange(amsterdamDate(interviewCandidates.createdAt), request)
			)
		);
	const found = await bestIds(q, matching, limit);
	if (!found.ids.length) return noHits('candidates', found);
	const rows = await q
		.select({
			id: interviewCandidates.id,
			title: interviewCandidates.title,
			passage: headline(sql`${interviewCandidates.title} || ' ' || ${interviewCandidates.meerwaarde}`, tsquery),
			at: interviewCandidates.createdAt,
			itemId: interviewCandidates.itemId,
			interviewId: interviewCandidates.interviewId,
			ambitionId: interviewCandidates.ambitionId,
			municipalityId: interviews.municipalityId
		})
		.from(interviewCandidates)
		.innerJoin(interviews, eq(interviews.id, interviewCandidates.interviewId))
		.where(inArray(interviewCandidates.id, found.ids));
	return group('candidates', found, rows, (r) => ({ ...r, href: `/inventarisatie/${r.interviewId}`, status: null, internal: false, detail: null }));
}
