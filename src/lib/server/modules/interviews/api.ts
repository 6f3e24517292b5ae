import type { InventoryFilter } from '../../../validation/interviews';
import type { MunicipalityId } from '../../../roles';
import type { InterviewJson, InterviewOverviewJson } from './api-schema';
import type { CandidateSummary, CandidateView, InterviewDetail, InterviewSummary, InventoryOverview } from './queries';

/** The JSON shapes of `GET /api/v1/interviews` and `/api/v1/interviews/{id}` (docs/api.md). Dates as ISO strings. */

const slug = (id: string) => id as MunicipalityId;

const interviewRef = (s: Pick<InterviewSummary, 'id' | 'municipalityId' | 'body' | 'bodyOther' | 'heldOn'>) => ({
	id: s.id,
	url: `/api/v1/interviews/${s.id}`,
	municipality: slug(s.municipalityId),
	body: s.body,
	bodyOther: s.bodyOther || null,
	heldOn: s.heldOn
});

function candidateToJson(c: CandidateView) {
	return {
		id: c.id,
		title: c.title,
		ambition: c.ambitionId,
		horizon: c.horizon,
		meerwaarde: c.meerwaarde,
		interested: c.interested.map(slug),
		item: c.item ? { id: c.item.id, url: `/api/v1/items/${c.item.id}`, title: c.item.title, status: c.item.status, link: c.item.link } : null,
		createdAt: c.createdAt.toISOString()
	};
}

const summaryToJson = (c: CandidateSummary) => ({ ...candidateToJson(c), interview: interviewRef(c.interview) });

export function overviewToJson(o: InventoryOverview, filter: InventoryFilter): InterviewOverviewJson {
	return {
		filter,
		today: o.today,
		totals: o.totals,
		interviews: o.matrix.flatMap((row) =>
			row.cells.flatMap((cell) =>
				cell.interviews.map((s) => ({ ...interviewRef(s), planned: s.planned, visibility: s.visibility, candidates: s.candidateCount }))
			)
		),
		matrix: o.matrix.map((row) => ({
			municipality: slug(row.municipality.id),
			bodies: Object.fromEntries(row.cells.map((cell) => [cell.body, cell.interviews.map((s) => ({ id: s.id, heldOn: s.heldOn, planned: s.planned }))]))
		})),
		candidates: o.candidateGroups.flatMap((g) => g.horizons.flatMap((h) => h.candidates.map(summaryToJson))),
		notOnAgenda: o.notOnAgenda.map((c) => c.id)
	};
}

export function interviewToJson(d: InterviewDetail): InterviewJson {
	const i = d.interview;
	return {
		...interviewRef(i),
		municipalityName: i.municipalityName,
		planned: i.planned,
		visibility: i.visibility,
		participants: i.participants,
		notes: { html: i.notesHtml, text: i.notesText, revision: i.notesRevision, savedAt: i.notesSavedAt?.toISOString() ?? null },
		createdBy: i.createdByName ?? '',
		createdAt: i.createdAt.toISOString(),
		updatedAt: i.updatedAt.toISOString(),
		candidates: d.candidates.map(candidateToJson)
	};
}
