import { and, count, eq, isNull, max, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db';
import { collaborations, itemScenarios, scenarioScores } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { addScenarioSchema, proposeScenarioSchema, removeScenarioSchema, updateScenarioSchema } from '../../../validation/scenarios';
import { MAX_SCENARIOS } from '../../../scenarios/constants';
import { changeScenarios, itemOfScenario, liveScenario } from './change';
import { plainToHtml } from '../collaboration';

/** Adds an option to the item (at the end). Signed content: refused while the item is frozen. */
export async function addScenario(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ scenarioId: string }> {
	const data = parse(addScenarioSchema, input);
	authorize(actor, 'item.edit');
	return changeScenarios(db, actor, data.itemId, origin, 'scenarios', async (tx, _item, audit) => {
		const [{ n, last }] = await tx
			.select({ n: count(), last: max(itemScenarios.position) })
			.from(itemScenarios)
			.where(and(eq(itemScenarios.itemId, data.itemId), isNull(itemScenarios.removedAt)));
		if (n >= MAX_SCENARIOS) throw new DomainError('scenario_too_many', { max: MAX_SCENARIOS }, {}, 409);
		await assertCollaboration(tx, data.collaborationId);
		const { itemId, title, oneOffCents, yearlyCents, verdeelsleutel, collaborationId } = data;
		const { html: descriptionHtml, text: description } = plainToHtml(data.description);
		const [row] = await tx
			.insert(itemScenarios)
			.values({ itemId, title, description, descriptionHtml, oneOffCents, yearlyCents, verdeelsleutel, collaborationId, position: (last ?? -1) + 1 })
			.returning({ id: itemScenarios.id });
		await audit('scenario.added', { scenarioId: row.id, title, oneOffCents, yearlyCents, verdeelsleutel, collaborationId });
		return { value: { scenarioId: row.id } };
	});
}

/** Changes an option's title, costs, their split or linked arrangement (its description is co-edited, like the item's texts). */
export async function updateScenario(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ changed: boolean }> {
	const data = parse(updateScenarioSchema, input);
	authorize(actor, 'item.edit');
	const itemId = await itemOfScenario(db, data.scenarioId);
	return changeScenarios<{ changed: boolean }>(db, actor, itemId, origin, 'scenarios', async (tx, _item, audit) => {
		const row = await liveScenario(tx, itemId, data.scenarioId);
		const fields = (['title', 'oneOffCents', 'yearlyCents', 'verdeelsleutel', 'collaborationId'] as const).filter((f) => row[f] !== data[f]);
		if (!fields.length) return { unchanged: true, value: { changed: false } };
		await assertCollaboration(tx, data.collaborationId);
		const { title, oneOffCents, yearlyCents, verdeelsleutel, collaborationId } = data;
		await tx.update(itemScenarios).set({ title, oneOffCents, yearlyCents, verdeelsleutel, collaborationId }).where(eq(itemScenarios.id, row.id));
		await audit('scenario.updated', { scenarioId: row.id, fields, title });
		return { value: { changed: true } };
	});
}

/**
 * Removes an option. One that holds scores is only removed when the person confirmed it (`confirm`, after
 * being told how many), and then kept, marked removed, with its scores and their history: what was weighed
 * stays readable. A removed proposal leaves the item without one.
 */
export async function removeScenario(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ scores: number }> {
	const data = parse(removeScenarioSchema, input);
	authorize(actor, 'item.edit');
	const itemId = await itemOfScenario(db, data.scenarioId);
	return changeScenarios(db, actor, itemId, origin, 'scenarios', async (tx, _item, audit) => {
		const row = await liveScenario(tx, itemId, data.scenarioId);
		const [{ scores }] = await tx.select({ scores: count() }).from(scenarioScores).where(eq(scenarioScores.scenarioId, row.id));
		if (scores > 0 && !data.confirm) throw new DomainError('scenario_remove_confirm', { count: scores, title: row.title }, {}, 409);
		await tx.update(itemScenarios).set({ removedAt: new Date(), removedBy: actor.userId, proposed: false }).where(eq(itemScenarios.id, row.id));
		await audit('scenario.removed', { scenarioId: row.id, title: row.title, scores });
		return { value: { scores } };
	});
}

/** Names the option the item proposes (what the colleges sign), or none. Signed content. */
export async function proposeScenario(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ changed: boolean }> {
	const data = parse(proposeScenarioSchema, input);
	authorize(actor, 'item.edit');
	return changeScenarios<{ changed: boolean }>(db, actor, data.itemId, origin, 'scenarios', async (tx, item, audit) => {
		const from = item.scenarios?.proposedId ?? null;
		if (data.scenarioId) await liveScenario(tx, data.itemId, data.scenarioId);
		if (from === data.scenarioId) return { unchanged: true, value: { changed: false } };
		await tx
			.update(itemScenarios)
			.set({ proposed: false })
			.where(and(eq(itemScenarios.itemId, data.itemId), sql`${itemScenarios.proposed}`));
		if (data.scenarioId) await tx.update(itemScenarios).set({ proposed: true }).where(eq(itemScenarios.id, data.scenarioId));
		await audit('scenario.proposed', { scenarioId: { from, to: data.scenarioId } });
		return { value: { changed: true } };
	});
}

async function assertCollaboration(tx: Tx, id: string | null): Promise<void> {
	if (!id) return;
	const [row] = await tx.select({ id: collaborations.id }).from(collaborations).where(eq(collaborations.id, id));
	if (!row) throw new DomainError('scenario_collaboration_unknown', {}, { collaborationId: 'validation_scenario_collaboration_unknown' }, 400);
}
