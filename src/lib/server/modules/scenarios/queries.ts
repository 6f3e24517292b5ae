import { and, asc, count, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db';
import {
	agendaItemParticipants,
	agendaItems,
	collaborations,
	itemCriteria,
	itemScenarios,
	municipalities,
	scenarioScoreChanges,
	scenarioScores
} from '../../db/schema';
import type { ScoreVoice } from '../../../scenarios/constants';
import { isFrozenStatus } from '../../../decisions/constants';
import { trySplitCosts } from '../../../agenda/costs';
import type { Verdeelsleutel } from '../../../agenda/constants';
import { DomainError } from '../../errors';
import { authorize, can, municipalitiesFor, type Actor } from '../../permissions';
import { isUuid } from '../../validate';
import { appreciations, cellFigures, preferredScenarios, type Appreciation, type CellFigures } from '../../../scenarios/figures';

export interface CriterionView {
	id: string;
	name: string;
	description: string;
	scaleMin: number;
	scaleMax: number;
	higherIsBetter: boolean;
}

export interface ScenarioView {
	id: string;
	title: string;
	description: string;
	/** Sanitised when stored (the co-editing snapshot, or plain text escaped). */
	descriptionHtml: string;
	oneOffCents: number;
	yearlyCents: number;
	/** Its own cost key; null: the item's. */
	verdeelsleutel: string | null;
	collaboration: { id: string; name: string } | null;
	proposed: boolean;
}

export interface CostShareView {
	municipalityId: string;
	cents: number;
}

export interface ScoreView {
	scenarioId: string;
	criterionId: string;
	municipalityId: string;
	voice: ScoreVoice;
	score: number;
	motivation: string;
	sharedPublicly: boolean;
	by: string;
	at: string;
}

/** The comparison of an item's scenarios: options × criteria with every municipality's scores and the figures. */
export interface ScenarioComparison {
	scenarios: ScenarioView[];
	criteria: CriterionView[];
	/** The participating municipalities, in the region's order: who scores. */
	municipalityIds: string[];
	scores: ScoreView[];
	/** Per voice: every scenario × criterion cell (average, spread). */
	cells: Record<ScoreVoice, CellFigures[]>;
	appreciations: Appreciation[];
	/** Per voice and municipality: the scenario it appreciates most (null: none or a tie). */
	preferred: Record<ScoreVoice, Record<string, string | null>>;
	/** The item's cost key and, per scenario, the key it is split by (its own or the item's) and its one-off and yearly costs split over the participants (null: not splittable). */
	costKey: string;
	shares: { scenarioId: string; key: string; oneOff: CostShareView[] | null; yearly: CostShareView[] | null }[];
	/** Removed scenarios that were scored: kept with their scores, listed so nobody wonders where they went. */
	removed: { id: string; title: string; scores: number; removedAt: string }[];
}

/**
 * The comparison as a reader sees it. In the portal every signed-in reader sees every score (internal to the
 * portal, like positions); on the public site (`sharedOnly`) only the scores a municipality shared.
 */
export async function scenarioComparison(q: Queryable, itemId: string, opts: { sharedOnly?: boolean } = {}): Promise<ScenarioComparison> {
	const [scenarioRows, criteria, participants, scoreRows, removed, [item]] = await Promise.all([
		q
			.select({ scenario: itemScenarios, collaborationName: collaborations.name })
			.from(itemScenarios)
			.leftJoin(collaborations, eq(collaborations.id, itemScenarios.collaborationId))
			.where(and(eq(itemScenarios.itemId, itemId), isNull(itemScenarios.removedAt)))
			.orderBy(asc(itemScenarios.position)),
		q
			.select({
				id: itemCriteria.id,
				name: itemCriteria.name,
				description: itemCriteria.description,
				scaleMin: itemCriteria.scaleMin,
				scaleMax: itemCriteria.scaleMax,
				higherIsBetter: itemCriteria.higherIsBetter
			})
			.from(itemCriteria)
			.where(and(eq(itemCriteria.itemId, itemId), isNull(itemCriteria.removedAt)))
			.orderBy(asc(itemCriteria.position)),
		q
			.select({
				id: agendaItemParticipants.municipalityId,
				customShareBp: agendaItemParticipants.customShareBp,
				inhabitants: municipalities.inhabitants
			})
			.from(agendaItemParticipants)
			.innerJoin(municipalities, eq(municipalities.id, agendaItemParticipants.municipalityId))
			.where(eq(agendaItemParticipants.itemId, itemId))
			.orderBy(asc(municipalities.sortOrder)),
		q
			.select({ score: scenarioScores })
			.from(scenarioScores)
			.innerJoin(itemScenarios, eq(itemScenarios.id, scenarioScores.scenarioId))
			.innerJoin(itemCriteria, eq(itemCriteria.id, scenarioScores.criterionId))
			.where(
				and(
					eq(itemScenarios.itemId, itemId),
					isNull(itemScenarios.removedAt),
					isNull(itemCriteria.removedAt),
					opts.sharedOnly ? eq(scenarioScores.sharedPublicly, true) : undefined
				)
			),
		opts.sharedOnly ? Promise.resolve([]) : removedScenarios(q, itemId),
		q.select({ key: agendaItems.verdeelsleutel }).from(agendaItems).where(eq(agendaItems.id, itemId))
	]);
	const costKey = item?.key ?? 'inwoners';
	const scenarios = scenarioRows.map(({ scenario: s, collaborationName }) => ({
		id: s.id,
		title: s.title,
		description: s.description,
		descriptionHtml: s.descriptionHtml,
		oneOffCents: s.oneOffCents,
		yearlyCents: s.yearlyCents,
		verdeelsleutel: s.verdeelsleutel,
		collaboration: s.collaborationId && collaborationName ? { id: s.collaborationId, name: collaborationName } : null,
		proposed: s.proposed
	}));
	const scores: ScoreView[] = scoreRows.map(({ score: s }) => ({
		scenarioId: s.scenarioId,
		criterionId: s.criterionId,
		municipalityId: s.municipalityId,
		voice: s.voice as ScoreVoice,
		score: s.score,
		motivation: s.motivation,
		sharedPublicly: s.sharedPublicly,
		by: s.updatedByName,
		at: s.updatedAt.toISOString()
	}));
	const ids = scenarios.map((s) => s.id);
	const liked = appreciations(scores, criteria);
	return {
		scenarios,
		criteria,
		municipalityIds: participants.map((p) => p.id),
		scores,
		cells: { klankbordgroep: cellFigures(scores, ids, criteria, 'klankbordgroep'), college: cellFigures(scores, ids, criteria, 'college') },
		appreciations: liked,
		costKey,
		shares: scenarios.map((s) => {
			const key = s.verdeelsleutel ?? costKey;
			return { scenarioId: s.id, key, oneOff: splitOver(s.oneOffCents, key, participants), yearly: splitOver(s.yearlyCents, key, participants) };
		}),
		preferred: {
			klankbordgroep: Object.fromEntries(preferredScenarios(liked, 'klankbordgroep')),
			college: Object.fromEntries(preferredScenarios(liked, 'college'))
		},
		removed
	};
}

/** A scenario's amount split over the participants by its key (the same rule as the item's costs; `maatwerk` uses the item's own percentages). */
function splitOver(cents: number, key: string, participants: { id: string; customShareBp: number | null; inhabitants: number }[]): CostShareView[] | null {
	if (!participants.length) return null;
	const split = trySplitCosts(
		cents,
		[],
		key as Verdeelsleutel,
		participants.map((p) => ({ municipalityId: p.id, inhabitants: p.inhabitants, customShareBp: p.customShareBp }))
	);
	return split.ok ? split.split.shares.map((x) => ({ municipalityId: x.municipalityId, cents: x.cents })) : null;
}

async function removedScenarios(q: Queryable, itemId: string) {
	const rows = await q
		.select({ id: itemScenarios.id, title: itemScenarios.title, removedAt: itemScenarios.removedAt, scores: count(scenarioScores.score) })
		.from(itemScenarios)
		.leftJoin(scenarioScores, eq(scenarioScores.scenarioId, itemScenarios.id))
		.where(and(eq(itemScenarios.itemId, itemId), isNotNull(itemScenarios.removedAt)))
		.groupBy(itemScenarios.id)
		.orderBy(asc(itemScenarios.removedAt));
	return rows.filter((r) => r.scores > 0).map((r) => ({ id: r.id, title: r.title, scores: r.scores, removedAt: (r.removedAt as Date).toISOString() }));
}

/** The latest score changes of an item (newest first): what each municipality said before it revised. */
export async function scoreHistory(q: Queryable, itemId: string, limit = 50) {
	const rows = await q
		.select()
		.from(scenarioScoreChanges)
		.where(eq(scenarioScoreChanges.itemId, itemId))
		.orderBy(desc(scenarioScoreChanges.changedAt), desc(scenarioScoreChanges.id))
		.limit(limit);
	return rows.map((r) => ({
		scenarioId: r.scenarioId,
		criterionId: r.criterionId,
		municipalityId: r.municipalityId,
		voice: r.voice as ScoreVoice,
		from: r.fromScore,
		to: r.score,
		motivation: r.motivation,
		by: r.changedByName,
		at: r.changedAt.toISOString()
	}));
}

/** What the reader may do on the scenarios page: edit the options, set the criteria, score for which municipalities. */
export interface ScenarioPermissions {
	/** Add, change, remove and propose options (not while the item is frozen: they are signed content). */
	edit: boolean;
	criteria: boolean;
	/** Per voice, the participating municipalities the reader may score for. */
	score: Record<ScoreVoice, string[]>;
}

/** The scenarios page of an item: the item's heading, the comparison, the latest score changes and what the reader may do. */
export async function scenariosPage(q: Queryable, actor: Actor | null, itemId: string) {
	authorize(actor, 'item.read');
	if (!isUuid(itemId)) throw new DomainError('agenda_item_not_found', {}, {}, 404);
	const [item] = await q
		.select({ id: agendaItems.id, title: agendaItems.title, status: agendaItems.status, seq: agendaItems.seq })
		.from(agendaItems)
		.where(eq(agendaItems.id, itemId));
	if (!item) throw new DomainError('agenda_item_not_found', {}, {}, 404);
	const [comparison, history] = await Promise.all([scenarioComparison(q, itemId), scoreHistory(q, itemId)]);
	const participating = (action: 'scenario.score' | 'scenario.score_college') =>
		municipalitiesFor(actor, action).filter((id) => comparison.municipalityIds.includes(id));
	const permissions: ScenarioPermissions = {
		edit: !isFrozenStatus(item.status) && can(actor, 'item.edit'),
		criteria: can(actor, 'scenario.criteria'),
		score: { klankbordgroep: participating('scenario.score'), college: participating('scenario.score_college') }
	};
	return { item, comparison, history, permissions, frozen: isFrozenStatus(item.status) };
}
