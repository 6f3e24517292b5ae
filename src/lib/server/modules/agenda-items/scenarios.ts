import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { itemScenarios } from '../../db/schema';

/** One option an item puts side by side, as signed with the item. */
export interface ScenarioOption {
	id: string;
	title: string;
	/** The description's plain text and its sanitised HTML (co-edited, like the item's own texts). */
	description: string;
	descriptionHtml: string;
	oneOffCents: number;
	yearlyCents: number;
	/** How its costs are split over the participants; null: by the item's own key. */
	verdeelsleutel: string | null;
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
		const { id, title, description, descriptionHtml, oneOffCents, yearlyCents, verdeelsleutel, collaborationId } = row;
		entry.options.push({ id, title, description, descriptionHtml, oneOffCents, yearlyCents, verdeelsleutel, collaborationId });
		if (row.proposed) entry.proposedId = row.id;
	}
	return byItem;
}

/** Whether the scenario is one of the item's and not removed: only then may its description be opened or commented on. */
export async function isLiveScenarioOf(q: Queryable, itemId: string, scenarioId: string): Promise<boolean> {
	const [row] = await q
		.select({ id: itemScenarios.id })
		.from(itemScenarios)
		.where(and(eq(itemScenarios.id, scenarioId), eq(itemScenarios.itemId, itemId), isNull(itemScenarios.removedAt)));
	return !!row;
}
