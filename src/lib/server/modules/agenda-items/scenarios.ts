import { and, asc, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { itemScenarios } from '../../db/schema';

/** One option an item puts side by side, as signed with the item. */
export interface ScenarioOption {
	id: string;
	title: string;
	description: string;
	oneOffCents: number;
	yearlyCents: number;
	collaborationId: string | null;
}

/**
 * The scenarios of an item as signed content: the options (in their order) and the one the item proposes.
 * The scores are not in it: the weighing is the municipalities', like their positions.
 */
export interface ItemScenarios {
	options: ScenarioOption[];
	proposedId: string | null;
}

/** The live (not removed) scenarios of the given items, in a single query; items without any are absent. */
export async function itemScenariosOf(q: Queryable, itemIds: readonly string[]): Promise<Map<string, ItemScenarios>> {
	const byItem = new Map<string, ItemScenarios>();
	if (itemIds.length === 0) return byItem;
	const rows = await q
		.select()
		.from(itemScenarios)
		.where(and(inArray(itemScenarios.itemId, [...itemIds]), isNull(itemScenarios.removedAt)))
		.orderBy(asc(itemScenarios.itemId), asc(itemScenarios.position));
	for (const row of rows) {
		let entry = byItem.get(row.itemId);
		if (!entry) byItem.set(row.itemId, (entry = { options: [], proposedId: null }));
		const { id, title, description, oneOffCents, yearlyCents, collaborationId } = row;
		entry.options.push({ id, title, description, oneOffCents, yearlyCents, collaborationId });
		if (row.proposed) entry.proposedId = row.id;
	}
	return byItem;
}
