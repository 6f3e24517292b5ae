import { SvelteMap } from 'svelte/reactivity';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';

/**
 * The co-editors open on this page, by `<itemId>:<field>`, so other parts of the page (comments anchored on a
 * passage) can read the selection and resolve Yjs relative positions in the live document.
 */
export const openEditors = new SvelteMap<string, { editor: Editor; doc: Y.Doc }>();
