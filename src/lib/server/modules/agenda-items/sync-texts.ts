import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { agendaItems, itemScenarios } from '../../db/schema';
import { storedTexts } from './rich-text';
import type { ItemState } from './state';

type Text = { html: string; text: string };

/**
 * Brings the item row's rich texts, and its scenarios' descriptions, in line with the stored co-editing
 * documents, inside the caller's transaction (the item row locked): the rows follow the typing a few seconds
 * behind, the stored documents are what every editor shows. Returns the item as it now is.
 */
export async function syncStoredTexts(tx: Queryable, state: ItemState): Promise<ItemState> {
	const texts = await storedTexts()(tx, state.id);
	const withItemTexts = await syncItemTexts(tx, state, texts);
	return syncScenarioTexts(tx, withItemTexts, texts.scenarios);
}

async function syncItemTexts(tx: Queryable, state: ItemState, texts: { description?: Text; meerwaarde?: Text }): Promise<ItemState> {
	const next = { ...state };
	if (texts.description) Object.assign(next, { descriptionHtml: texts.description.html, descriptionText: texts.description.text });
	if (texts.meerwaarde) Object.assign(next, { meerwaardeHtml: texts.meerwaarde.html, meerwaardeText: texts.meerwaarde.text });
	const same =
		next.descriptionHtml === state.descriptionHtml &&
		next.descriptionText === state.descriptionText &&
		next.meerwaardeHtml === state.meerwaardeHtml &&
		next.meerwaardeText === state.meerwaardeText;
	if (same) return state;
	const { descriptionHtml, descriptionText, meerwaardeHtml, meerwaardeText } = next;
	await tx
		.update(agendaItems)
		.set({ descriptionHtml, descriptionText, meerwaardeHtml, meerwaardeText, updatedAt: new Date() })
		.where(eq(agendaItems.id, state.id));
	return next;
}

/** The live scenarios whose stored description differs from their row; a removed scenario's document is left as it is. */
async function syncScenarioTexts(tx: Queryable, state: ItemState, texts: Record<string, Text>): Promise<ItemState> {
	if (!state.scenarios) return state;
	let changed = false;
	const options = [];
	for (const option of state.scenarios.options) {
		const text = texts[option.id];
		if (!text || (text.html === option.descriptionHtml && text.text === option.description)) {
			options.push(option);
			continue;
		}
		await tx
			.update(itemScenarios)
			.set({ descriptionHtml: text.html, description: text.text })
			.where(and(eq(itemScenarios.id, option.id), eq(itemScenarios.itemId, state.id), isNull(itemScenarios.removedAt)));
		options.push({ ...option, descriptionHtml: text.html, description: text.text });
		changed = true;
	}
	return changed ? { ...state, scenarios: { ...state.scenarios, options } } : state;
}
