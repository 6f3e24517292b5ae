import * as Y from 'yjs';
import { headingLevel, safeHref } from './html';

/**
 * HTML → Yjs XML in the shape Tiptap's schema expects, for text that did not come from the editor:
 * a description stored on the item row before its document existed, or an old version being restored.
 * A small tolerant reader for the same allow-list as html.ts; unknown tags are unwrapped, `script`/`style`
 * dropped with their content, entities decoded. Never used on input straight from a browser.
 */

type Mark = 'bold' | 'italic' | { link: string };
interface TextRun {
	kind: 'text';
	text: string;
	marks: Mark[];
}
interface Break {
	kind: 'break';
}
type Inline = TextRun | Break;
interface Block {
	kind: 'block';
	name: 'paragraph' | 'heading' | 'bulletList' | 'orderedList' | 'listItem' | 'blockquote';
	attrs: Record<string, string | number>;
	children: Node[];
}
type Node = Inline | Block;

const blockTags: Record<string, Block['name']> = {
	p: 'paragraph',
	h1: 'heading',
	h2: 'heading',
	h3: 'heading',
	h4: 'heading',
	h5: 'heading',
	h6: 'heading',
	ul: 'bulletList',
	ol: 'orderedList',
	li: 'listItem',
	blockquote: 'blockquote'
};
const voidTags = new Set(['br', 'img', 'hr', 'input', 'meta', 'link', 'wbr', 'col', 'area', 'source']);
const dropTags = new Set(['script', 'style', 'template', 'iframe', 'object', 'noscript', 'svg', 'math']);

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
function decodeEntities(s: string): string {
	return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
		if (body[0] === '#') {
			const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
			return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
		}
		return named[body.toLowerCase()] ?? whole;
	});
}

function attribute(attrs: string, name: string): string | null {
	const re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');
	const m = re.exec(attrs);
	return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : null;
}

/** Parses HTML into the allow-listed tree. */
export function parseHtml(html: string): Node[] {
	const root: Block = { kind: 'block', name: 'blockquote', attrs: {}, children: [] };
	const stack: { block: Block; tag: string }[] = [{ block: root, tag: '#root' }];
	const marks: { tag: string; mark: Mark | null }[] = [];
	const re = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+|<)/g;
	let dropping: string | null = null;
	for (let m = re.exec(html); m; m = re.exec(html)) {
		const [, closing, rawTag, attrs, text] = m;
		if (text !== undefined) {
			if (dropping) continue;
			const value = decodeEntities(text).replace(/[\t\n\r ]+/g, ' ');
			if (value) current().children.push({ kind: 'text', text: value, marks: activeMarks() });
			continue;
		}
		if (!rawTag) continue;
		const tag = rawTag.toLowerCase();
		if (dropping) {
			if (closing && tag === dropping) dropping = null;
			continue;
		}
		if (dropTags.has(tag)) {
			if (!closing && !/\/\s*$/.test(attrs ?? '')) dropping = tag;
			continue;
		}
		if (closing) close(tag);
		else open(tag, attrs ?? '');
	}
	return root.children;

	function current(): Block {
		return stack[stack.length - 1].block;
	}
	function activeMarks(): Mark[] {
		return marks.map((x) => x.mark).filter((x): x is Mark => x !== null);
	}
	function open(tag: string, attrs: string) {
		if (tag === 'br') {
			current().children.push({ kind: 'break' });
			return;
		}
		if (voidTags.has(tag)) return;
		const name = blockTags[tag];
		if (name) {
			// A new paragraph-like block closes an open paragraph or heading (as browsers do).
			if (current().name === 'paragraph' || current().name === 'heading') close(stack[stack.length - 1].tag);
			if (name === 'listItem') {
				const li = stack.findLastIndex((s) => s.tag === 'li');
				const list = stack.findLastIndex((s) => s.tag === 'ul' || s.tag === 'ol');
				if (li > list && li > 0) close('li');
			}
			const attrsOut: Block['attrs'] = {};
			if (name === 'heading') attrsOut.level = headingLevel(Number(tag.slice(1)));
			if (name === 'orderedList') {
				const start = Number(attribute(attrs, 'start'));
				if (Number.isInteger(start) && start > 1) attrsOut.start = start;
			}
			const block: Block = { kind: 'block', name, attrs: attrsOut, children: [] };
			current().children.push(block);
			stack.push({ block, tag });
			return;
		}
		let mark: Mark | null;
		if (tag === 'strong' || tag === 'b') mark = 'bold';
		else if (tag === 'em' || tag === 'i') mark = 'italic';
		else if (tag === 'a') {
			const href = safeHref(attribute(attrs, 'href'));
			mark = href ? { link: href } : null;
		} else return; // unknown inline or container tag: unwrap
		marks.push({ tag, mark });
	}
	function close(tag: string) {
		const heading = /^h[1-6]$/;
		const at = stack.findLastIndex((s) => s.tag === tag || (heading.test(tag) && heading.test(s.tag)));
		if (at > 0) {
			stack.length = at;
			return;
		}
		const mk = marks.findLastIndex((x) => x.tag === tag || (tag === 'b' && x.tag === 'strong') || (tag === 'i' && x.tag === 'em'));
		if (mk >= 0) marks.splice(mk, 1);
	}
}

/** Appends the parsed HTML to a fragment, in the node and mark shape of Tiptap's StarterKit. */
export function fillFragment(fragment: Y.XmlFragment, html: string): void {
	const items = toBlocks(parseHtml(html), 'doc');
	if (items.length) fragment.insert(fragment.length, items);
}

/** Block context: groups stray inline nodes into paragraphs and checks what may contain what. */
function toBlocks(nodes: Node[], parent: 'doc' | 'listItem' | 'blockquote' | 'list'): Y.XmlElement[] {
	const out: Y.XmlElement[] = [];
	let inline: Inline[] = [];
	const flush = () => {
		if (inline.some((n) => n.kind === 'break' || n.text.trim())) {
			out.push(parent === 'list' ? listItemOf([paragraphOf(inline)]) : paragraphOf(inline));
		}
		inline = [];
	};
	for (const node of nodes) {
		if (node.kind !== 'block') {
			inline.push(node);
			continue;
		}
		flush();
		if (parent === 'list' && node.name !== 'listItem') {
			out.push(listItemOf(toBlocks([node], 'listItem')));
			continue;
		}
		switch (node.name) {
			case 'paragraph':
			case 'heading': {
				const inlines = flatten(node.children);
				if (node.name === 'heading' && !inlines.some((n) => n.kind === 'text' && n.text.trim())) break;
				const el = node.name === 'heading' ? headingOf(inlines, Number(node.attrs.level)) : paragraphOf(inlines);
				out.push(parent === 'list' ? listItemOf([el]) : el);
				break;
			}
			case 'listItem': {
				const content = toBlocks(node.children, 'listItem');
				const item = listItemOf(content);
				if (parent === 'list') out.push(item);
				else out.push(...content); // a list item outside a list: keep its content
				break;
			}
			case 'bulletList':
			case 'orderedList': {
				const items = toBlocks(node.children, 'list');
				if (!items.length) break;
				const list = new Y.XmlElement(node.name);
				if (node.name === 'orderedList') list.setAttribute('start', (node.attrs.start ?? 1) as never);
				list.insert(0, items);
				out.push(list);
				break;
			}
			case 'blockquote': {
				const content = toBlocks(node.children, 'blockquote');
				if (!content.length) break;
				const quote = new Y.XmlElement('blockquote');
				quote.insert(0, content);
				out.push(quote);
				break;
			}
		}
	}
	flush();
	return out;
}

/** Inline content of a block; nested blocks inside a paragraph are flattened to their text. */
function flatten(nodes: Node[]): Inline[] {
	return nodes.flatMap((n) => (n.kind === 'block' ? flatten(n.children) : [n]));
}

function listItemOf(content: Y.XmlElement[]): Y.XmlElement {
	const li = new Y.XmlElement('listItem');
	li.insert(0, content.length ? content : [paragraphOf([])]);
	return li;
}

function headingOf(inlines: Inline[], level: number): Y.XmlElement {
	const el = new Y.XmlElement('heading');
	el.setAttribute('level', headingLevel(level) as never);
	el.insert(0, inlineNodes(inlines));
	return el;
}

function paragraphOf(inlines: Inline[]): Y.XmlElement {
	const el = new Y.XmlElement('paragraph');
	el.insert(0, inlineNodes(inlines));
	return el;
}

/** Text runs become one XmlText with formatting attributes; hard breaks are elements between texts. */
function inlineNodes(inlines: Inline[]): (Y.XmlText | Y.XmlElement)[] {
	// Trim the whitespace HTML source formatting leaves at the edges of a block.
	const runs = [...inlines];
	while (runs.length && runs[0].kind === 'text' && !(runs[0] as TextRun).text.trim()) runs.shift();
	if (runs[0]?.kind === 'text') runs[0] = { ...runs[0], text: runs[0].text.trimStart() };
	const last = runs.length - 1;
	if (runs[last]?.kind === 'text') runs[last] = { ...(runs[last] as TextRun), text: (runs[last] as TextRun).text.trimEnd() };

	const out: (Y.XmlText | Y.XmlElement)[] = [];
	let text: Y.XmlText | null = null;
	let pending: { insert: string; attributes: Record<string, unknown> }[] = [];
	const flushText = () => {
		if (pending.length) {
			text = new Y.XmlText();
			text.applyDelta(pending);
			out.push(text);
		}
		pending = [];
		text = null;
	};
	for (const run of runs) {
		if (run.kind === 'break') {
			flushText();
			out.push(new Y.XmlElement('hardBreak'));
			continue;
		}
		if (!run.text) continue;
		const attributes: Record<string, unknown> = {};
		for (const mark of run.marks) {
			if (mark === 'bold') attributes.bold = {};
			else if (mark === 'italic') attributes.italic = {};
			else attributes.link = { href: mark.link, target: '_blank', rel: 'noopener noreferrer nofollow', class: null };
		}
		pending.push({ insert: run.text, attributes });
	}
	flushText();
	return out;
}
