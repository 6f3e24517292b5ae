import { SvelteMap } from 'svelte/reactivity';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';

/** One co-editor open on the page, with the name the page shows for its text. */
export interface OpenEditor {
	editor: Editor;
	doc: Y.Doc;
	label: string;
}

/**
 * The co-editors open on this page, by `<itemId>:<field>`, so other parts of the page (comments anchored on a
 * passage) can read the selection and resolve Yjs relative positions in the live document.
 */
export const openEditors = new SvelteMap<string, OpenEditor>();

/** The key of the co-editor that had the caret last: where "comment on the chosen passage" looks first. */
export const lastFocused = $state({ key: '' });
