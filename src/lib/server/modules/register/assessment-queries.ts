import { and, asc, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db';
import {
	agendaItems,
	collaborationAssessmentScoreChanges,
	collaborationAssessmentScores,
	collaborationAssessments,
	collaborations,
	municipalities,
	users
} from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, can, municipalitiesFor, type Actor } from '../../permissions';
import { isFrozenStatus } from '../../../decisions/constants';
import { isUuid } from '../../validate';
import { criterionFigures, type CriterionFigures } from '../../../register/assessment-figures';
import { weighingCriteria } from '../../../register/assessment';
import { loadCollaboration, participatingMunicipalities } from './change';
import { loadAssessment } from './assessment-change';

const notFound = () => new DomainError('assessment_not_found', {}, {}, 404);

/** An arrangement's assessments, newest first, with the agenda item each is linked to. */
export async function listAssessments(q: Queryable, actor: Actor | null, collaborationId: string) {
	authorize(actor, 'register.read');
	if (!isUuid(collaborationId)) throw new DomainError('register_not_found', {}, {}, 404);
	const collaboration = await loadCollaboration(q, collaborationId);
	const rows = await q
		.select({ a: collaborationAssessments, itemTitle: agendaItems.title })
		.from(collaborationAssessments)
		.leftJoin(agendaItems, eq(agendaItems.id, collaborationAssessments.agendaItemId))
		.where(eq(collaborationAssessments.collaborationId, collaborationId))
		.orderBy(desc(collaborationAssessments.createdAt), desc(collaborationAssessments.id));
	return { collaboration, canAssess: can(actor, 'register.assess'), assessments: rows.map(({ a, itemTitle }) => ({ ...a, itemTitle })) };
}

/** The municipalities of a scores table: those taking part, and any that scored before they left; in the region's order. */
async function tableMunicipalities(q: Queryable, collaborationId: string, scored: readonly string[]) {
	const taking = await participatingMunicipalities(q, collaborationId);
	const all = await q.select({ id: municipalities.id, name: municipalities.name }).from(municipalities).orderBy(asc(municipalities.sortOrder));
	return all.filter((m) => taking.has(m.id) || scored.includes(m.id));
}

/**
 * One assessment with everything its page shows: answers, choice, the scores table (municipality ×
 * criterion, average and spread), the history of every score as it was set (newest first), the linked item.
 */
export async function getAssessment(q: Queryable, actor: Actor | null, assessmentId: string) {
	authorize(actor, 'register.read');
	if (!isUuid(assessmentId)) throw notFound();
	const assessment = await loadAssessment(q, assessmentId);
	const collaboration = await loadCollaboration(q, assessment.collaborationId);
	const cells = await q.select().from(collaborationAssessmentScores).where(eq(collaborationAssessmentScores.assessmentId, assessmentId));
	const table = await tableMunicipalities(q, assessment.collaborationId, [...new Set(cells.map((c) => c.municipalityId))]);
	const history = await q
		.select({ change: collaborationAssessmentScoreChanges, by: users.name })
		.from(collaborationAssessmentScoreChanges)
		.leftJoin(users, eq(users.id, collaborationAssessmentScoreChanges.changedBy))
		.where(eq(collaborationAssessmentScoreChanges.assessmentId, assessmentId))
		.orderBy(desc(collaborationAssessmentScoreChanges.changedAt), desc(collaborationAssessmentScoreChanges.id));
	const [item] = assessment.agendaItemId
		? await q
				.select({ id: agendaItems.id, title: agendaItems.title, status: agendaItems.status })
				.from(agendaItems)
				.where(eq(agendaItems.id, assessment.agendaItemId))
		: [];
	// Why the assessment cannot change now, if it cannot: completed, or signed with an item frozen for decision.
	const locked = assessment.completedAt ? 'completed' : item && isFrozenStatus(item.status) ? 'item_frozen' : null;
	const taking = await participatingMunicipalities(q, assessment.collaborationId);
	return {
		assessment,
		locked,
		can: {
			assess: can(actor, 'register.assess'),
			/** The municipalities whose scores the actor gives here (their own, when it takes part). */
			scoreFor: municipalitiesFor(actor, 'register.score').filter((id) => taking.has(id))
		},
		collaboration: { id: collaboration.id, name: collaboration.name },
		municipalities: table,
		figures: criterionFigures(
			cells,
			table.map((m) => m.id)
		),
		history: history.map(({ change, by }) => ({ ...change, by })),
		item: item ?? null
	};
}

/** One completed assessment's column of the comparison: per criterion the average and each municipality's score. */
export interface ComparedAssessment {
	id: string;
	title: string;
	occasion: string;
	completedAt: Date;
	figures: CriterionFigures[];
}

/**
 * The comparison over time: the arrangement's completed assessments side by side, oldest first, each with
 * per criterion its average and each municipality's score. Open assessments do not count: they may still change.
 */
export async function compareAssessments(q: Queryable, actor: Actor | null, collaborationId: string) {
	authorize(actor, 'register.read');
	if (!isUuid(collaborationId)) throw new DomainError('register_not_found', {}, {}, 404);
	const rows = await q
		.select()
		.from(collaborationAssessments)
		.where(and(eq(collaborationAssessments.collaborationId, collaborationId), isNotNull(collaborationAssessments.completedAt)))
		.orderBy(asc(collaborationAssessments.completedAt), asc(collaborationAssessments.id));
	const cells = rows.length
		? await q
				.select()
				.from(collaborationAssessmentScores)
				.innerJoin(collaborationAssessments, eq(collaborationAssessments.id, collaborationAssessmentScores.assessmentId))
				.where(and(eq(collaborationAssessments.collaborationId, collaborationId), isNotNull(collaborationAssessments.completedAt)))
		: [];
	const scores = cells.map((c) => c.collaboration_assessment_scores);
	const table = await tableMunicipalities(q, collaborationId, [...new Set(scores.map((c) => c.municipalityId))]);
	const assessments: ComparedAssessment[] = rows.map((r) => ({
		id: r.id,
		title: r.title,
		occasion: r.occasion,
		completedAt: r.completedAt as Date,
		figures: criterionFigures(
			scores.filter((s) => s.assessmentId === r.id),
			table.map((m) => m.id)
		)
	}));
	return { municipalities: table, criteria: weighingCriteria, assessments };
}

/** The latest assessment of an arrangement in short (its choice, the average per criterion), or null when none. */
export async function latestAssessmentSummary(q: Queryable, actor: Actor | null, collaborationId: string) {
	authorize(actor, 'register.read');
	if (!isUuid(collaborationId)) throw new DomainError('register_not_found', {}, {}, 404);
	const [latest] = await q
		.select()
		.from(collaborationAssessments)
		.where(eq(collaborationAssessments.collaborationId, collaborationId))
		.orderBy(desc(collaborationAssessments.createdAt), desc(collaborationAssessments.id))
		.limit(1);
	if (!latest) return null;
	const cells = await q.select().from(collaborationAssessmentScores).where(eq(collaborationAssessmentScores.assessmentId, latest.id));
	return {
		id: latest.id,
		title: latest.title,
		occasion: latest.occasion,
		choice: latest.choice,
		completedAt: latest.completedAt,
		averages: criterionFigures(cells, []).map((f) => ({ criterion: f.criterion, average: f.average }))
	};
}

/** What the agenda item page shows of the arrangement it proposes: the linked assessment, and the ones that could be linked. */
export async function assessmentOfItem(q: Queryable, actor: Actor | null, itemId: string) {
	authorize(actor, 'register.read');
	const pick = {
		id: collaborationAssessments.id,
		title: collaborationAssessments.title,
		occasion: collaborationAssessments.occasion,
		choice: collaborationAssessments.choice,
		completedAt: collaborationAssessments.completedAt,
		collaborationId: collaborations.id,
		collaborationName: collaborations.name
	};
	const from = () => q.select(pick).from(collaborationAssessments).innerJoin(collaborations, eq(collaborations.id, collaborationAssessments.collaborationId));
	const [linked] = await from().where(eq(collaborationAssessments.agendaItemId, itemId));
	const canAssess = can(actor, 'register.assess');
	const options =
		linked || !canAssess
			? []
			: await from().where(isNull(collaborationAssessments.agendaItemId)).orderBy(asc(collaborations.name), desc(collaborationAssessments.createdAt));
	return { linked: linked ?? null, options, canAssess };
}
