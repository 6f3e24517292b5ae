import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db';
import type { Db } from '../../db';
import { itemCriteria, scenarioScoreChanges, scenarioScores } from '../../db/schema';
import { DomainError, ValidationError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { scoreScenarioSchema } from '../../../validation/scenarios';
import { changeScenarios, itemOfScenario, liveScenario } from './change';

type ScoreInput = z.output<typeof scoreScenarioSchema>;

/**
 * One municipality scores one scenario on the item's criteria, with a short motivation per score: the
 * klankbordgroep member for the council's view, or a college member for the college's own (`voice`). Scores
 * are positions of a kind: every change is kept in the history, they reach every open page at once, and they
 * stay internal to the portal unless the municipality shares them with the public. All of one submit or none.
 */
export async function scoreScenario(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ changed: number }> {
	const data = parse(scoreScenarioSchema, input);
	authorize(actor, data.voice === 'college' ? 'scenario.score_college' : 'scenario.score', { municipalityId: data.municipalityId });
	const itemId = await itemOfScenario(db, data.scenarioId);
	return changeScenarios(db, actor, itemId, origin, 'scenario_scores', async (tx, item, audit) => {
		await liveScenario(tx, itemId, data.scenarioId);
		if (!item.participants.some((p) => p.municipalityId === data.municipalityId)) throw new DomainError('scenario_not_participant', {}, {}, 403);
		await checkScales(tx, itemId, data);
		const key = { scenarioId: data.scenarioId, municipalityId: data.municipalityId, voice: data.voice };
		const mine = and(eq(scenarioScores.scenarioId, key.scenarioId), eq(scenarioScores.municipalityId, key.municipalityId), eq(scenarioScores.voice, key.voice));
		const before = new Map((await tx.select().from(scenarioScores).where(mine)).map((r) => [r.criterionId, r]));
		const changes = data.scores.filter((s) => {
			const was = before.get(s.criterionId);
			return !was || was.score !== s.score || was.motivation !== s.motivation || was.sharedPublicly !== data.sharedPublicly;
		});
		if (!changes.length) return { unchanged: true, value: { changed: 0 } };
		const now = new Date();
		const who = { updatedBy: actor.userId, updatedByName: actor.name, updatedAt: now };
		for (const s of changes) {
			const values = { score: s.score, motivation: s.motivation, sharedPublicly: data.sharedPublicly, ...who };
			await tx
				.insert(scenarioScores)
				.values({ ...key, criterionId: s.criterionId, ...values })
				.onConflictDoUpdate({
					target: [scenarioScores.scenarioId, scenarioScores.criterionId, scenarioScores.municipalityId, scenarioScores.voice],
					set: values
				});
		}
		await tx.insert(scenarioScoreChanges).values(
			changes.map((s) => ({
				...key,
				itemId,
				criterionId: s.criterionId,
				fromScore: before.get(s.criterionId)?.score ?? null,
				score: s.score,
				motivation: s.motivation,
				sharedPublicly: data.sharedPublicly,
				changedBy: actor.userId,
				changedByName: actor.name,
				changedAt: now
			}))
		);
		const scores = changes.map((s) => ({ criterionId: s.criterionId, score: { from: before.get(s.criterionId)?.score ?? null, to: s.score } }));
		await audit('scenario.scored', { ...key, sharedPublicly: data.sharedPublicly, scores });
		return { value: { changed: changes.length } };
	});
}

/** Every score names a live criterion of this item, once, and lies on that criterion's own scale. */
async function checkScales(tx: Tx, itemId: string, data: ScoreInput): Promise<void> {
	const criteria = await tx
		.select()
		.from(itemCriteria)
		.where(and(eq(itemCriteria.itemId, itemId), isNull(itemCriteria.removedAt)));
	const byId = new Map(criteria.map((c) => [c.id, c]));
	const fields: Record<string, string> = {};
	const seen = new Set<string>();
	for (const [i, s] of data.scores.entries()) {
		const c = byId.get(s.criterionId);
		if (!c || seen.has(s.criterionId)) fields[`scores.${i}.criterionId`] = 'validation_scenario_criterion_unknown';
		else if (s.score < c.scaleMin || s.score > c.scaleMax) fields[`scores.${i}.score`] = 'validation_scenario_score_scale';
		seen.add(s.criterionId);
	}
	if (Object.keys(fields).length) throw new ValidationError(fields);
}
