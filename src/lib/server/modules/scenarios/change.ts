import { eq } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '../../db';
import { event } from '../../bus';
import { itemScenarios } from '../../db/schema';
import { DomainError } from '../../errors';
import type { Actor } from '../../permissions';
import type { Origin } from '../audit';
import { changeItem, itemEventOf, itemScenariosOf, type ItemAudit, type ItemState } from '../agenda-items';

/** What the item page and the overviews hear: the options changed (signed content) or only the weighing. */
export type ScenarioChange = 'scenarios' | 'scenario_scores';

/**
 * Every scenario command goes through the item's one write path (`changeItem`: the item locked, its seq, the
 * audit rows, the events after commit). The work writes; the item's scenarios are then read again, so a
 * change to the options is refused while the item is frozen (they are signed content), while a change to
 * the weighing (criteria, scores) goes through like a position does.
 */
export async function changeScenarios<T>(
	db: Db,
	actor: Actor,
	itemId: string,
	origin: Origin,
	change: ScenarioChange,
	work: (tx: Tx, item: ItemState, audit: ItemAudit) => Promise<{ unchanged: true; value: T } | { unchanged?: false; value: T }>
): Promise<T> {
	const { value } = await changeItem(db, actor, itemId, origin, async (tx, item, audit) => {
		const done = await work(tx, item, audit);
		if (done.unchanged) return { unchanged: true, value: done.value };
		// Only a change to the options changes them; the weighing leaves the item's scenarios as they were read.
		const state = change === 'scenarios' ? await withStoredScenarios(tx, item) : item;
		return {
			value: done.value,
			state,
			contentChanged: change === 'scenarios',
			events: (after) => [event('item.fields_changed', { ...itemEventOf(after.state, actor), fields: [change] })]
		};
	});
	return value;
}

/** The item with its scenarios as the work left them (read again inside the transaction). */
async function withStoredScenarios(tx: Tx, item: ItemState): Promise<ItemState> {
	const scenarios = (await itemScenariosOf(tx, [item.id])).get(item.id);
	const { scenarios: before, ...rest } = item;
	void before;
	return scenarios ? { ...rest, scenarios } : rest;
}

/** The item a scenario belongs to (any scenario, removed ones too); unknown ids are not found. */
export async function itemOfScenario(q: Queryable, scenarioId: string): Promise<string> {
	const [row] = await q.select({ itemId: itemScenarios.itemId }).from(itemScenarios).where(eq(itemScenarios.id, scenarioId));
	if (!row) throw new DomainError('scenario_not_found', {}, {}, 404);
	return row.itemId;
}

/** A live scenario of the item, read under the item's lock: a removed one, or one of another item, is not found. */
export async function liveScenario(tx: Tx, itemId: string, scenarioId: string) {
	const [row] = await tx.select().from(itemScenarios).where(eq(itemScenarios.id, scenarioId));
	if (!row || row.itemId !== itemId || row.removedAt) throw new DomainError('scenario_not_found', {}, {}, 404);
	return row;
}
