import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { agendaItems } from '../../db/schema';
import { storedTexts } from './rich-text';
import type { ItemState } from './state';

/**
 * Brings the item row's rich texts in line with its stored co-editing documents, inside the caller's
 * transaction (the item row locked): the row's HTML follows the typing a few seconds behind, the stored
 * documents are what every editor shows. Returns the item as it now is.
 */
export async function syncStoredTexts(tx: Queryable, state: ItemState): Promise<ItemState> {
	const texts = await storedTexts()(tx, state.id);
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
