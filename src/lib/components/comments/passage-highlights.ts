import { PluginKey } from '@tiptap/pm/state';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import type { RichTextField } from '$lib/validation/collab';
import { anchorHighlightPlugin, emphasise, refreshHighlights, ANCHOR_CLASS, type HighlightRange } from './anchor-highlight';
import { resolveRange, type AnchorLibs } from './anchors';

type Open = { editor: Editor; doc: Y.Doc };
type Anchored = { id: string; anchor: { field: RichTextField; start: string; end: string } };

/**
 * The highlighted passages of an item's open anchored threads in its co-editors: one decoration plugin per
 * open editor, fed with the threads the comments list shows, and the emphasis of one thread's passage.
 */
export class PassageHighlights {
	#editors = new Map<Editor, { key: PluginKey; field: RichTextField }>();
	#threads: Anchored[] = [];
	#active: string | null = null;

	constructor(private readonly libs: AnchorLibs) {}

	/** Adds the plugin to an open editor (once); forgets editors that were closed. */
	attach(field: RichTextField, open: Open, stillOpen: ReadonlySet<Editor>): void {
		for (const editor of this.#editors.keys()) if (!stillOpen.has(editor)) this.#editors.delete(editor);
		if (this.#editors.has(open.editor) || open.editor.isDestroyed) return;
		const key = new PluginKey('commentAnchors');
		const resolve = (): HighlightRange[] =>
			this.#threads
				.filter((t) => t.anchor.field === field)
				.flatMap((t) => {
					const range = resolveRange(this.libs, open, t.anchor);
					return range ? [{ id: t.id, ...range }] : [];
				});
		open.editor.registerPlugin(anchorHighlightPlugin(key, resolve));
		this.#editors.set(open.editor, { key, field });
		if (this.#active) emphasise(open.editor.view, key, this.#active);
	}

	/** The open anchored threads changed: resolve every passage again. */
	setThreads(threads: Anchored[]): void {
		this.#threads = threads;
		this.#each((editor, key) => refreshHighlights(editor.view, key));
	}

	/** Emphasises a thread's passage (null: none); with `scroll`, brings it into view. */
	activate(threadId: string | null, scroll = false): void {
		this.#active = threadId;
		this.#each((editor, key) => emphasise(editor.view, key, threadId));
		if (!scroll || !threadId) return;
		for (const editor of this.#editors.keys()) {
			const mark = editor.view.dom.querySelector(`mark.${ANCHOR_CLASS}[data-thread="${CSS.escape(threadId)}"]`);
			if (!mark) continue;
			const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
			mark.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
			return;
		}
	}

	/** Removes the plugins (the comments list goes away; the editors may stay). */
	detach(): void {
		this.#each((editor, key) => editor.unregisterPlugin(key));
		this.#editors.clear();
	}

	#each(fn: (editor: Editor, key: PluginKey) => void): void {
		for (const [editor, { key }] of this.#editors) if (!editor.isDestroyed) fn(editor, key);
	}
}
