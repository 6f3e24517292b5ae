import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Mapping } from '@tiptap/pm/transform';

/** A passage of an open anchored thread, in positions of the editor's current document. */
export interface HighlightRange {
	id: string;
	from: number;
	to: number;
}

interface HighlightState {
	ranges: HighlightRange[];
	/** The thread whose passage is emphasised (focused or chosen in the comments). */
	active: string | null;
	/** Bumped to ask the view to resolve the anchors again (threads added, resolved, deleted). */
	refresh: number;
	decos: DecorationSet;
}

type Meta = { ranges?: HighlightRange[]; active?: string | null; refresh?: true };

/** Class of a highlighted passage; `is-active` marks the emphasised one. */
export const ANCHOR_CLASS = 'comment-anchor';

function build(state: EditorState, ranges: HighlightRange[], active: string | null): DecorationSet {
	const size = state.doc.content.size;
	const decos = ranges
		.filter((r) => r.from < r.to && r.to <= size)
		.map((r) =>
			Decoration.inline(r.from, r.to, {
				nodeName: 'mark',
				class: r.id === active ? `${ANCHOR_CLASS} is-active` : ANCHOR_CLASS,
				'data-thread': r.id
			})
		);
	return DecorationSet.create(state.doc, decos);
}

function mapRanges(ranges: HighlightRange[], mapping: Mapping): HighlightRange[] {
	return ranges.map((r) => ({ id: r.id, from: mapping.map(r.from, 1), to: mapping.map(r.to, -1) })).filter((r) => r.from < r.to);
}

const same = (a: HighlightRange[], b: HighlightRange[]) =>
	a.length === b.length && a.every((r, i) => r.id === b[i].id && r.from === b[i].from && r.to === b[i].to);

/**
 * Highlights the passages of open anchored comment threads in a co-editor. Local edits move the
 * highlights with the transaction's mapping at once; after every change of the document (local or from
 * another browser through Yjs) the passages are resolved again from their Yjs relative positions by
 * `resolve`, in a microtask, so the Yjs binding has brought its mapping up to date first.
 */
export function anchorHighlightPlugin(key: PluginKey<HighlightState>, resolve: (state: EditorState) => HighlightRange[]): Plugin<HighlightState> {
	return new Plugin<HighlightState>({
		key,
		state: {
			init: (_config, state) => ({ ranges: [], active: null, refresh: 0, decos: DecorationSet.create(state.doc, []) }),
			apply(tr, prev, _old, state) {
				const meta = tr.getMeta(key) as Meta | undefined;
				const ranges = meta?.ranges ?? (tr.docChanged ? mapRanges(prev.ranges, tr.mapping) : prev.ranges);
				const active = meta && 'active' in meta ? (meta.active ?? null) : prev.active;
				const refresh = meta?.refresh ? prev.refresh + 1 : prev.refresh;
				if (ranges === prev.ranges && active === prev.active && !tr.docChanged) return refresh === prev.refresh ? prev : { ...prev, refresh };
				return { ranges, active, refresh, decos: build(state, ranges, active) };
			}
		},
		props: {
			decorations: (state) => key.getState(state)?.decos
		},
		view(view) {
			let scheduled = false;
			const resolveSoon = () => {
				if (scheduled) return;
				scheduled = true;
				queueMicrotask(() => {
					scheduled = false;
					if (view.isDestroyed) return;
					const ranges = resolve(view.state);
					const current = key.getState(view.state);
					if (current && !same(ranges, current.ranges)) view.dispatch(view.state.tr.setMeta(key, { ranges } satisfies Meta));
				});
			};
			resolveSoon();
			return {
				update(v, prevState) {
					const before = key.getState(prevState);
					const now = key.getState(v.state);
					if (v.state.doc !== prevState.doc || before?.refresh !== now?.refresh) resolveSoon();
				}
			};
		}
	});
}

/** Asks the plugin to resolve the passages again (the list of threads changed). */
export function refreshHighlights(view: { state: EditorState; dispatch: (tr: EditorState['tr']) => void }, key: PluginKey): void {
	view.dispatch(view.state.tr.setMeta(key, { refresh: true } satisfies Meta));
}

/** Emphasises one thread's passage (null: none). */
export function emphasise(view: { state: EditorState; dispatch: (tr: EditorState['tr']) => void }, key: PluginKey, threadId: string | null): void {
	view.dispatch(view.state.tr.setMeta(key, { active: threadId } satisfies Meta));
}
