import { describe, expect, it } from 'vitest';
import { Schema } from '@tiptap/pm/model';
import { EditorState, PluginKey } from '@tiptap/pm/state';
import { anchorHighlightPlugin } from '../../../src/lib/components/comments/anchor-highlight';

const schema = new Schema({
	nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*', toDOM: () => ['p', 0] }, text: {} }
});

function setup(text: string) {
	const key = new PluginKey('test-anchors');
	const plugin = anchorHighlightPlugin(key, () => []);
	const doc = schema.node('doc', null, [schema.node('paragraph', null, [schema.text(text)])]);
	const state = EditorState.create({ doc, plugins: [plugin] });
	return { key, state };
}

/** The highlighted passages: thread, text and class of every decoration. */
function marks(state: EditorState, key: PluginKey) {
	const set = key.getState(state).decos;
	return set
		.find()
		.map((d: any) => ({ id: d.type.attrs['data-thread'], text: state.doc.textBetween(d.from, d.to), cls: d.type.attrs.class, node: d.type.attrs.nodeName }));
}

describe('highlighting anchored passages in the co-editor', () => {
	it('marks the resolved passages with an accessible <mark> and emphasises the active one', () => {
		const { key, state } = setup('De regio bouwt 10000 woningen tot 2029.');
		const from = 1 + 'De regio bouwt '.length;
		let s = state.apply(state.tr.setMeta(key, { ranges: [{ id: 't1', from, to: from + '10000'.length }] }));
		expect(marks(s, key)).toEqual([{ id: 't1', text: '10000', cls: 'comment-anchor', node: 'mark' }]);
		s = s.apply(s.tr.setMeta(key, { active: 't1' }));
		expect(marks(s, key)[0].cls).toBe('comment-anchor is-active');
		s = s.apply(s.tr.setMeta(key, { active: null }));
		expect(marks(s, key)[0].cls).toBe('comment-anchor');
	});

	it('moves the passage with text typed before it, and drops it when the passage is deleted', () => {
		const { key, state } = setup('Hier staat ANKER in de tekst.');
		const from = 1 + 'Hier staat '.length;
		let s = state.apply(state.tr.setMeta(key, { ranges: [{ id: 't1', from, to: from + 5 }] }));
		s = s.apply(s.tr.insertText('Vooraf ingevoegd. ', 1));
		expect(marks(s, key)).toEqual([{ id: 't1', text: 'ANKER', cls: 'comment-anchor', node: 'mark' }]);
		const at = 1 + 'Vooraf ingevoegd. Hier staat '.length;
		s = s.apply(s.tr.delete(at, at + 5));
		expect(marks(s, key)).toEqual([]);
	});

	it('a transaction that changes nothing it cares about keeps the same state', () => {
		const { key, state } = setup('Tekst');
		const s = state.apply(state.tr.setMeta(key, { ranges: [{ id: 't1', from: 1, to: 3 }] }));
		const before = key.getState(s);
		const after = s.apply(s.tr.setMeta('other', true));
		expect(key.getState(after)).toBe(before);
	});
});
