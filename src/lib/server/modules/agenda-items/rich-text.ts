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
