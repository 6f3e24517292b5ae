import { asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { collaborationAssessmentScores, collaborationAssessments, collaborations } from '../../db/schema';
import { weighingCriteria } from '../../../register/assessment';

/**
 * The arrangement an agenda item proposes, with its assessment, as the item's content carries it (and so as
 * the colleges sign it). Stable order: answers by code, scores by municipality then criterion.
 */
export interface ItemCollaboration {
	collaborationId: string;
	name: string;
	occasion: string;
	assessment: {
		id: string;
		title: string;
		answers: Record<string, string>;
		choice: string | null;
		choiceReasons: string;
		scores: { municipalityId: string; criterion: string; score: number; motivation: string }[];
	};
}

const criterionOrder = (c: string) => (weighingCriteria as readonly string[]).indexOf(c);

/**
 * The linked assessments of some agenda items, by item id, in a fixed number of queries. The agenda module
 * reads it where it builds an item's state, so a captured version holds the assessment as it was in the same
 * transaction.
 */
export async function linkedAssessments(q: Queryable, itemIds: string[]): Promise<Map<string, ItemCollaboration>> {
	if (itemIds.length === 0) return new Map();
	const rows = await q
		.select({ a: collaborationAssessments, name: collaborations.name })
		.from(collaborationAssessments)
		.innerJoin(collaborations, eq(collaborations.id, collaborationAssessments.collaborationId))
		.where(inArray(collaborationAssessments.agendaItemId, itemIds));
	if (rows.length === 0) return new Map();
	const scores = await q
		.select()
		.from(collaborationAssessmentScores)
		.where(
			inArray(
				collaborationAssessmentScores.assessmentId,
				rows.map((r) => r.a.id)
			)
		)
		.orderBy(asc(collaborationAssessmentScores.municipalityId));
	return new Map(
		rows.map(({ a, name }) => [
			a.agendaItemId as string,
			{
				collaborationId: a.collaborationId,
				name,
				occasion: a.occasion,
				assessment: {
					id: a.id,
					title: a.title,
					answers: Object.fromEntries(Object.entries(a.answers).sort(([x], [y]) => (x < y ? -1 : 1))),
					choice: a.choice,
					choiceReasons: a.choiceReasons,
					scores: scores
						.filter((s) => s.assessmentId === a.id)
						.sort((x, y) =>
							x.municipalityId === y.municipalityId ? criterionOrder(x.criterion) - criterionOrder(y.criterion) : x.municipalityId < y.municipalityId ? -1 : 1
						)
						.map((s) => ({ municipalityId: s.municipalityId, criterion: s.criterion, score: s.score, motivation: s.motivation }))
				}
			}
		])
	);
}
