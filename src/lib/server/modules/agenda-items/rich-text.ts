import type { Queryable } from '../../db';

/** The rich-text fields as a version stores them. */
export interface RichTexts {
	description: { html: string; text: string };
	meerwaarde: { html: string; text: string };
}

/**
 * Restoring a version replaces the rich texts. The columns on `agenda_items` are written here; the
 * co-editing module owns the live Yjs documents and registers a replacer that makes them show the
 * restored text too (inside the same transaction), otherwise the next snapshot from Yjs would undo it.
 */
export type RichTextReplacer = (tx: Queryable, itemId: string, texts: RichTexts) => Promise<void>;

// On globalThis: in development Vite re-instantiates this module when it changes, while the socket.io
// handlers, wired once per io, keep the replacer they registered.
const key = Symbol.for('regioportaal.agenda.richTextReplacer');
const holder = globalThis as { [key]?: RichTextReplacer };

export function setRichTextReplacer(fn: RichTextReplacer | undefined): void {
	holder[key] = fn;
}

export function richTextReplacer(): RichTextReplacer | undefined {
	return holder[key];
}

/**
 * Freezing an item for decision-making (and "Versie vastleggen") versions exactly the co-editing documents
 * as they are stored, never a snapshot that lags behind the typing. Two parts, provided from outside this
 * module because it cannot depend on them:
 * - the stored texts, read from the documents' stored updates inside the caller's transaction (provided by
 *   the co-editing module when it loads; a freeze without it fails rather than version a stale row);
 * - the gate of this process's live documents (provided by the realtime layer when it runs): it stops
 *   accepting changes to the item's texts and waits until every change already accepted is stored.
 */
export type StoredTexts = (tx: Queryable, itemId: string) => Promise<StoredItemTexts>;

/** The stored documents' texts: the item's own fields that have one, and each scenario's description by its id. */
export type StoredItemTexts = Partial<RichTexts> & { scenarios: Record<string, { html: string; text: string }> };
export type TextGate = (itemId: string) => Promise<() => void>;

const storedKey = Symbol.for('regioportaal.agenda.storedTexts');
const gateKey = Symbol.for('regioportaal.agenda.textGate');
const hooks = globalThis as { [storedKey]?: StoredTexts; [gateKey]?: TextGate };

export function useStoredTexts(fn: StoredTexts): void {
	hooks[storedKey] = fn;
}

export function useTextGate(fn: TextGate | undefined): void {
	hooks[gateKey] = fn;
}

export function storedTexts(): StoredTexts {
	const fn = hooks[storedKey];
	if (!fn) throw new Error('agenda-items: the stored texts are not provided (load the collaboration module)');
	return fn;
}

/** Holds this process's live documents of the item (if any) until the returned function is called. */
export async function holdTexts(itemId: string): Promise<() => void> {
	return (await hooks[gateKey]?.(itemId)) ?? (() => {});
}
