import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { agendaItems, ambitions, interviewCandidates, interviews, municipalities, users, type InterviewRow } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, can, type Actor } from '../../permissions';
import { interviewBodies, type InterviewBody, type InterviewVisibility } from '../../../interviews/constants';
import { horizons, type Horizon, type ItemStatus } from '../../../agenda/constants';
import { interviewIdSchema, type InventoryFilter } from '../../../validation/interviews';
import { todayInNl } from '../../../validation/decisions';
import { visibleInterviewsWhere } from './visibility';
import type { CandidateSummary, CandidateView, InterviewSummary } from '../../../interviews/views';

export type { CandidateSummary, CandidateView, InterviewSummary } from '../../../interviews/views';

export interface InventoryOverview {
	today: string;
	municipalities: { id: string; name: string }[];
	/** The columns of the matrix (one when filtered on a body). */
	bodies: InterviewBody[];
	matrix: { municipality: { id: string; name: string }; cells: { body: InterviewBody; interviews: InterviewSummary[] }[] }[];
	candidateGroups: { ambition: { id: number; title: string; shortTitle: string }; horizons: { horizon: Horizon; candidates: CandidateSummary[] }[] }[];
	/** Candidates not (yet) on the agenda, oldest first: the verkenner's work list. */
	notOnAgenda: CandidateSummary[];
	totals: { interviews: number; held: number; planned: number; candidates: number; notOnAgenda: number };
	filtered: boolean;
}

const summaryOf = (row: InterviewRow, today: string, candidateCount: number): InterviewSummary => ({
	id: row.id,
	municipalityId: row.municipalityId,
	body: row.body as InterviewBody,
	bodyOther: row.bodyOther,
	heldOn: row.heldOn,
	planned: row.heldOn > today,
	visibility: row.visibility as InterviewVisibility,
	candidateCount
});

/** Candidates of the given (already visibility-checked) interviews, with the item each one reached. */
async function candidatesOf(q: Queryable, interviewIds: string[]): Promise<CandidateView[]> {
	if (!interviewIds.length) return [];
	const rows = await q
		.select({ c: interviewCandidates, itemTitle: agendaItems.title, itemStatus: agendaItems.status })
		.from(interviewCandidates)
		.leftJoin(agendaItems, eq(agendaItems.id, interviewCandidates.itemId))
		.where(inArray(interviewCandidates.interviewId, interviewIds))
		.orderBy(asc(interviewCandidates.createdAt), asc(interviewCandidates.id));
	return rows.map(({ c, itemTitle, itemStatus }) => ({
		id: c.id,
		interviewId: c.interviewId,
		title: c.title,
		ambitionId: c.ambitionId,
		horizon: c.horizon as Horizon,
		meerwaarde: c.meerwaarde,
		interested: c.interested,
		item: c.itemId && itemTitle ? { id: c.itemId, title: itemTitle, status: itemStatus as ItemStatus, link: c.link as 'created' | 'added' } : null,
		createdAt: c.createdAt
	}));
}

/**
 * The inventory: per municipality and body the interviews held and planned, the candidates by ambition and
 * horizon, and those not yet on the agenda. Only interviews the actor may see count anywhere. Four queries.
 */
export async function inventoryOverview(q: Queryable, actor: Actor | null, filter: InventoryFilter): Promise<InventoryOverview> {
	authorize(actor, 'interview.read');
	const today = todayInNl();
	const where: SQL[] = [visibleInterviewsWhere(actor)];
	// `gemeente` is applied below: a candidate counts for a municipality it came from or that showed interest.
	if (filter.orgaan) where.push(eq(interviews.body, filter.orgaan));
	if (filter.zichtbaarheid) where.push(eq(interviews.visibility, filter.zichtbaarheid));
	const [munis, ambitionRows, rows] = await Promise.all([
		q.select({ id: municipalities.id, name: municipalities.name }).from(municipalities).orderBy(asc(municipalities.sortOrder)),
		q.select({ id: ambitions.id, title: ambitions.title, shortTitle: ambitions.shortTitle }).from(ambitions).orderBy(asc(ambitions.id)),
		q
			.select()
			.from(interviews)
			.where(and(...where))
			.orderBy(asc(interviews.heldOn), asc(interviews.createdAt))
	]);
	const all = await candidatesOf(
		q,
		rows.map((r) => r.id)
	);
	const byId = new Map(rows.map((r) => [r.id, r]));
	const countOf = (id: string) => all.filter((c) => c.interviewId === id).length;
	const summaries = rows.map((r) => summaryOf(r, today, countOf(r.id)));

	const candidates: CandidateSummary[] = all
		.map((c) => {
			const iv = byId.get(c.interviewId)!;
			return { ...c, interview: { id: iv.id, municipalityId: iv.municipalityId, body: iv.body as InterviewBody, bodyOther: iv.bodyOther, heldOn: iv.heldOn } };
		})
		.filter(
			(c) =>
				(!filter.gemeente || c.interview.municipalityId === filter.gemeente || c.interested.includes(filter.gemeente)) &&
				(!filter.ambitie || c.ambitionId === filter.ambitie) &&
				(!filter.horizon || c.horizon === filter.horizon)
		);
	const shownMunis = munis.filter((mu) => !filter.gemeente || mu.id === filter.gemeente);
	const bodies = interviewBodies.filter((b) => !filter.orgaan || b === filter.orgaan);
	const matrixInterviews = summaries.filter((s) => !filter.gemeente || s.municipalityId === filter.gemeente);

	return {
		today,
		municipalities: munis,
		bodies,
		matrix: shownMunis.map((municipality) => ({
			municipality,
			cells: bodies.map((body) => ({ body, interviews: matrixInterviews.filter((s) => s.municipalityId === municipality.id && s.body === body) }))
		})),
		candidateGroups: ambitionRows
			.map((ambition) => ({
				ambition,
				horizons: horizons.map((horizon) => ({ horizon, candidates: candidates.filter((c) => c.ambitionId === ambition.id && c.horizon === horizon) }))
			}))
			.filter((g) => g.horizons.some((h) => h.candidates.length)),
		notOnAgenda: candidates.filter((c) => !c.item),
		totals: {
			interviews: matrixInterviews.length,
			held: matrixInterviews.filter((s) => !s.planned).length,
			planned: matrixInterviews.filter((s) => s.planned).length,
			candidates: candidates.length,
			notOnAgenda: candidates.filter((c) => !c.item).length
		},
		filtered: Object.values(filter).some((v) => v !== null)
	};
}

export interface InterviewView extends InterviewSummary {
	municipalityName: string;
	participants: string[];
	notesHtml: string;
	notesText: string;
	notesRevision: number;
	notesSavedAt: Date | null;
	seq: number;
	createdByName: string | null;
	createdAt: Date;
	updatedAt: Date;
}

export interface InterviewDetail {
	interview: InterviewView;
	candidates: CandidateView[];
}

/** One interview with its candidates. Missing and not-visible answer the same 404: a confidential one is never confirmed. */
export async function getInterview(q: Queryable, actor: Actor | null, id: string): Promise<InterviewDetail> {
	authorize(actor, 'interview.read');
	const notFound = new DomainError('interviews_not_found', {}, {}, 404);
	if (!interviewIdSchema.safeParse(id).success) throw notFound;
	const [found] = await q
		.select({ row: interviews, municipalityName: municipalities.name, createdByName: users.name })
		.from(interviews)
		.innerJoin(municipalities, eq(municipalities.id, interviews.municipalityId))
		.leftJoin(users, eq(users.id, interviews.createdBy))
		.where(and(eq(interviews.id, id), visibleInterviewsWhere(actor)));
	if (!found) throw notFound;
	const { row } = found;
	const candidates = await candidatesOf(q, [row.id]);
	return {
		interview: {
			...summaryOf(row, todayInNl(), candidates.length),
			municipalityName: found.municipalityName,
			participants: row.participants,
			notesHtml: row.notesHtml,
			notesText: row.notesText,
			notesRevision: row.notesRevision,
			notesSavedAt: row.notesSavedAt,
			seq: row.seq,
			createdByName: found.createdByName,
			createdAt: row.createdAt,
			updatedAt: row.updatedAt
		},
		candidates
	};
}

/** The agenda items a candidate can be added to (for the select on the interview page). */
export async function itemOptions(q: Queryable, actor: Actor | null): Promise<{ id: string; title: string; ambitionId: number }[]> {
	if (!can(actor, 'interview.manage') || !can(actor, 'item.read')) return [];
	return q
		.select({ id: agendaItems.id, title: agendaItems.title, ambitionId: agendaItems.ambitionId })
		.from(agendaItems)
		.orderBy(asc(agendaItems.ambitionId), asc(agendaItems.title));
}
