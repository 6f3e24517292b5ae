import type * as YT from '@tiptap/y-tiptap';
import type * as Yjs from 'yjs';
import type { Editor } from '@tiptap/core';
import { openEditors } from '$lib/components/collab/open-editors.svelte';
import { COMMENT_QUOTE_MAX_CHARS } from '$lib/validation/comments';
import type { RichTextField } from '$lib/validation/collab';

/** The two libraries anchors need, loaded only in the browser (with the editor). */
export interface AnchorLibs {
	yt: typeof YT;
	Y: typeof Yjs;
}
export const loadAnchorLibs = async (): Promise<AnchorLibs> => ({ yt: await import('@tiptap/y-tiptap'), Y: await import('yjs') });

type Mapping = Parameters<typeof YT.absolutePositionToRelativePosition>[2];

/** The Yjs ↔ ProseMirror mapping of the editor's sync plugin. */
function mappingOf(editor: Editor): Mapping | null {
	for (const plugin of editor.state.plugins) {
		const state = plugin.getState(editor.state) as { binding?: { mapping?: Mapping } } | undefined;
		if (state?.binding?.mapping) return state.binding.mapping;
	}
	return null;
}

const toB64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromB64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/**
 * The passage selected in an open co-editor, as Yjs relative positions (they follow the text through every
 * edit, by anyone) and the quoted text. Null without a selection.
 */
export function captureSelection(
	libs: AnchorLibs,
	itemId: string,
	field: RichTextField
): { field: RichTextField; start: string; end: string; quote: string } | null {
	const open = openEditors.get(`${itemId}:${field}`);
	if (!open) return null;
	const { from, to, empty } = open.editor.state.selection;
	const mapping = mappingOf(open.editor);
	if (empty || !mapping) return null;
	const quote = open.editor.state.doc.textBetween(from, to, ' ').trim().slice(0, COMMENT_QUOTE_MAX_CHARS);
	if (!quote) return null;
	const type = open.doc.getXmlFragment(field);
	const start = libs.yt.absolutePositionToRelativePosition(from, type, mapping);
	const end = libs.yt.absolutePositionToRelativePosition(to, type, mapping);
	return { field, start: toB64(libs.Y.encodeRelativePosition(start)), end: toB64(libs.Y.encodeRelativePosition(end)), quote };
}

/**
 * The passage of an anchor in positions of the editor's current document, resolved from its Yjs relative
 * positions against the live Y.Doc; null when the passage was deleted (or cannot be resolved).
 */
export function resolveRange(
	libs: AnchorLibs,
	open: { editor: Editor; doc: Yjs.Doc },
	anchor: { field: RichTextField; start: string; end: string }
): { from: number; to: number } | null {
	const mapping = mappingOf(open.editor);
	if (!mapping) return null;
	try {
		const type = open.doc.getXmlFragment(anchor.field);
		const from = libs.yt.relativePositionToAbsolutePosition(open.doc, type, libs.Y.decodeRelativePosition(fromB64(anchor.start)), mapping);
		const to = libs.yt.relativePositionToAbsolutePosition(open.doc, type, libs.Y.decodeRelativePosition(fromB64(anchor.end)), mapping);
		if (from === null || to === null || to <= from) return null;
		return { from, to };
	} catch {
		return null;
	}
}

/**
 * Where an anchored passage is now: its current text, or `present: false` when it was deleted (the thread is
 * then shown detached, with the quote it was written on). Null when the editor is not open (yet).
 */
export function resolveAnchor(
	libs: AnchorLibs,
	itemId: string,
	anchor: { field: RichTextField; start: string; end: string }
): { present: boolean; text: string } | null {
	const open = openEditors.get(`${itemId}:${anchor.field}`);
	if (!open || !mappingOf(open.editor)) return null;
	const range = resolveRange(libs, open, anchor);
	if (!range) return { present: false, text: '' };
	const text = open.editor.state.doc.textBetween(range.from, range.to, ' ').trim();
	return { present: text.length > 0, text };
}
