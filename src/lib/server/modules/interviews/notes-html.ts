import * as Y from 'yjs';
import { fragmentToSnapshot, type RichTextSnapshot } from '../collaboration';
import type { NotesNode } from '../../../validation/interviews';

/**
 * The notes editor sends its document as ProseMirror JSON. It is rebuilt here as Yjs XML, the shape the
 * co-editing module reads, and written out by that module's allow-list (collaboration/html.ts): the only
 * HTML ever stored is what that writer produces, exactly as for the texts of agenda items.
 */
export function notesToSnapshot(doc: NotesNode): RichTextSnapshot {
	const ydoc = new Y.Doc();
	try {
		const fragment = ydoc.getXmlFragment('notes');
		ydoc.transact(() => appendChildren(fragment, doc.content ?? []));
		return fragmentToSnapshot(fragment);
	} finally {
		ydoc.destroy();
	}
}

/** Attributes y-prosemirror keeps on elements; html.ts reads `level` and `start` and ignores the rest. */
const keptAttributes = new Set(['level', 'start']);

function appendChildren(parent: Y.XmlFragment | Y.XmlElement, nodes: NotesNode[]): void {
	for (const node of nodes) {
		if (node.type === 'text') {
			if (!node.text) continue;
			const text = new Y.XmlText();
			parent.insert(parent.length, [text]);
			text.insert(0, node.text, marksOf(node));
			continue;
		}
		const el = new Y.XmlElement(node.type.replace(/[^A-Za-z]/g, '') || 'paragraph');
		parent.insert(parent.length, [el]);
		for (const [key, value] of Object.entries(node.attrs ?? {})) {
			if (keptAttributes.has(key) && (typeof value === 'number' || typeof value === 'string')) el.setAttribute(key, String(value));
		}
		appendChildren(el, node.content ?? []);
	}
}

/** Marks as y-prosemirror stores them: `{ bold: {} }`, `{ link: { href } }`. */
function marksOf(node: NotesNode): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const mark of node.marks ?? []) {
		if (mark.type === 'bold' || mark.type === 'italic') out[mark.type] = {};
		else if (mark.type === 'link' && typeof mark.attrs?.href === 'string') out.link = { href: mark.attrs.href };
	}
	return out;
}
