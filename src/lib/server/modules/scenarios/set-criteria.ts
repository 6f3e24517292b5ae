import { and, asc, count, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../db';
import { itemCriteria, scenarioScores } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { setCriteriaSchema } from '../../../validation/scenarios';
import { criteriaPresets, type CriterionDraft } from '../../../scenarios/constants';
import { changeScenarios } from './change';

type CriterionRow = typeof itemCriteria.$inferSelect;
type Wanted = CriterionDraft & { id: string | null };

/**
 * The verkenner sets what the item's scenarios are weighed on: a preset (the study's three axes, the
 * toetsingskader's eight criteria) or their own list, in its order. A criterion that stays keeps its id and
 * its scores; one left out that holds scores is only removed with `confirm`, and then kept (marked removed)
 * with its scores. A scale may not be narrowed past scores already given.
 */
export async function setCriteria(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ criteria: number; removed: number }> {
	const data = parse(setCriteriaSchema, input);
	authorize(actor, 'scenario.criteria');
	return changeScenarios(db, actor, data.itemId, origin, 'scenario_scores', async (tx, _item, audit) => {
		const live = await tx
			.select()
			.from(itemCriteria)
			.where(and(eq(itemCriteria.itemId, data.itemId), isNull(itemCriteria.removedAt)))
			.orderBy(asc(itemCriteria.position));
		const wanted = wantedCriteria(data, live);
		const kept = new Set(wanted.map((w) => w.id).filter((id): id is string => id !== null));
		const leaving = live.filter((c) => !kept.has(c.id));
		await refuseLostScores(tx, leaving, data.confirm);
		for (const w of wanted) if (w.id) await refuseNarrowedScale(tx, w);
		if (leaving.length)
			await tx
				.update(itemCriteria)
				.set({ removedAt: new Date() })
				.where(
					inArray(
						itemCriteria.id,
						leaving.map((c) => c.id)
					)
				);
		const same = leaving.length === 0 && wanted.length === live.length && wanted.every((w, i) => sameCriterion(w, live[i]));
		if (same) return { unchanged: true, value: { criteria: live.length, removed: 0 } };
		for (const [position, w] of wanted.entries()) {
			const values = { name: w.name, description: w.description, scaleMin: w.scaleMin, scaleMax: w.scaleMax, higherIsBetter: w.higherIsBetter, position };
			if (w.id) await tx.update(itemCriteria).set(values).where(eq(itemCriteria.id, w.id));
			else await tx.insert(itemCriteria).values({ itemId: data.itemId, ...values });
		}
		await audit('scenario.criteria_set', { preset: data.preset, criteria: wanted.map((w) => w.name), removed: leaving.map((c) => c.name) });
		return { value: { criteria: wanted.length, removed: leaving.length } };
	});
}

/** The list asked for: a preset matched to live criteria by name (so their scores stay), or the own list. */
function wantedCriteria(data: z.output<typeof setCriteriaSchema>, live: CriterionRow[]): Wanted[] {
	if (data.preset) {
		const byName = new Map(live.map((c) => [c.name.toLowerCase(), c.id]));
		return criteriaPresets[data.preset].map((draft) => ({ ...draft, id: byName.get(draft.name.toLowerCase()) ?? null }));
	}
	const liveIds = new Set(live.map((c) => c.id));
	const seen = new Set<string>();
	for (const [i, c] of data.criteria.entries()) {
		if (c.id && (!liveIds.has(c.id) || seen.has(c.id)))
			throw new DomainError('error_validation', {}, { [`criteria.${i}.id`]: 'validation_scenario_criterion_unknown' }, 400);
		if (c.id) seen.add(c.id);
	}
	return data.criteria;
}

function sameCriterion(w: Wanted, row: CriterionRow): boolean {
	return (
		w.id === row.id &&
		w.name === row.name &&
		w.description === row.description &&
		w.scaleMin === row.scaleMin &&
		w.scaleMax === row.scaleMax &&
		w.higherIsBetter === row.higherIsBetter
	);
}

async function refuseLostScores(tx: Tx, leaving: CriterionRow[], confirm: boolean): Promise<void> {
	if (!leaving.length || confirm) return;
	const [{ n }] = await tx
		.select({ n: count() })
		.from(scenarioScores)
		.where(
			inArray(
				scenarioScores.criterionId,
				leaving.map((c) => c.id)
			)
		);
	if (n > 0) throw new DomainError('scenario_criteria_remove_confirm', { count: n, names: leaving.map((c) => c.name).join(', ') }, {}, 409);
}

async function refuseNarrowedScale(tx: Tx, w: Wanted): Promise<void> {
	const outside = or(sql`${scenarioScores.score} < ${w.scaleMin}`, sql`${scenarioScores.score} > ${w.scaleMax}`);
	const [{ n }] = await tx
		.select({ n: count() })
		.from(scenarioScores)
		.where(and(eq(scenarioScores.criterionId, w.id as string), outside));
	if (n > 0) throw new DomainError('scenario_scale_has_scores', { name: w.name, count: n }, {}, 409);
}
