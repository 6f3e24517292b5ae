import * as Y from 'yjs';

/**
 * Yjs XML (as y-prosemirror/Tiptap writes it) → sanitised HTML and plain text, server-side.
 * Only an allow-list is ever written out: paragraph, heading (2-3), bulletList, orderedList, listItem,
 * blockquote, hardBreak; marks bold, italic and link (http, https, mailto). Everything else is unwrapped to
 * its text; no attribute, tag or URL from a client reaches the HTML unless it passed this file.
 */

export interface RichTextSnapshot {
	html: string;
	text: string;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => escapes[c]);

const allowedProtocols = new Set(['http:', 'https:', 'mailto:']);

/** A link target we are willing to write out, normalised; null for anything else (javascript:, data:, relative…). */
export function safeHref(value: unknown): string | null {
	if (typeof value !== 'string' || value.length > 2000) return null;
	try {
		const url = new URL(value.trim());
		return allowedProtocols.has(url.protocol) ? url.href : null;
	} catch {
		return null;
	}
}

/** 1 → 2, 2 → 2, anything else → 3: the page title is the only h1, and we go no deeper than h3. */
export function headingLevel(value: unknown): 2 | 3 {
	const n = Number(value);
	return Number.isFinite(n) && n <= 2 ? 2 : 3;
}

interface Out {
	html: string[];
	/** Lines of plain text. */
	lines: string[];
}

/** Renders the fragment of one rich-text field. */
export function fragmentToSnapshot(fragment: Y.XmlFragment): RichTextSnapshot {
	const out: Out = { html: [], lines: [] };
	blocks(fragment.toArray(), out, '');
	const text = out.lines
		.join('\n')
		.replace(/[ \t]+$/gm, '')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
	return { html: text ? out.html.join('') : '', text };
}

type Child = Y.XmlElement | Y.XmlText | Y.XmlHook;

/** Children in block context; stray inline content is wrapped in a paragraph. */
function blocks(children: Child[], out: Out, prefix: string): void {
	let inline: Child[] = [];
	const flush = () => {
		if (inline.length) paragraph(inline, out, prefix);
		inline = [];
	};
	for (const child of children) {
		if (child instanceof Y.XmlElement && isBlock(child.nodeName)) {
			flush();
			block(child, out, prefix);
		} else if (child instanceof Y.XmlElement && !isInline(child.nodeName)) {
			// An unknown element: keep what it says, drop what it is.
			flush();
			blocks(child.toArray() as Child[], out, prefix);
		} else {
			inline.push(child);
		}
	}
	flush();
}

const blockNames = new Set(['paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'blockquote']);
const isBlock = (name: string) => blockNames.has(name);
const isInline = (name: string) => name === 'hardBreak';

function block(el: Y.XmlElement, out: Out, prefix: string): void {
	const children = el.toArray() as Child[];
	switch (el.nodeName) {
		case 'paragraph':
			paragraph(children, out, prefix);
			return;
		case 'heading': {
			const tag = `h${headingLevel(el.getAttribute('level'))}`;
			const { html, text } = inlineContent(children);
			out.html.push(`<${tag}>${html}</${tag}>`);
			out.lines.push(prefix + text, '');
			return;
		}
		case 'bulletList':
		case 'orderedList': {
			const ordered = el.nodeName === 'orderedList';
			const start = ordered ? Number(el.getAttribute('start') ?? 1) : 1;
			const startAttr = ordered && Number.isInteger(start) && start > 1 && start < 1e6 ? ` start="${start}"` : '';
			const tag = ordered ? 'ol' : 'ul';
			out.html.push(`<${tag}${startAttr}>`);
			let n = Number.isInteger(start) ? start : 1;
			for (const item of children) {
				const marker = ordered ? `${n++}. ` : '- ';
				listItem(item, out, prefix, marker);
			}
			out.html.push(`</${tag}>`);
			out.lines.push('');
			return;
		}
		case 'listItem':
			// A list item outside a list: render it as its content.
			blocks(children, out, prefix);
			return;
		case 'blockquote':
			out.html.push('<blockquote>');
			blocks(children, out, `${prefix}> `);
			out.html.push('</blockquote>');
			return;
	}
}

function listItem(item: Child, out: Out, prefix: string, marker: string): void {
	out.html.push('<li>');
	const children = item instanceof Y.XmlElement && item.nodeName === 'listItem' ? (item.toArray() as Child[]) : [item];
	const inner: Out = { html: out.html, lines: [] };
	blocks(children, inner, '');
	const lines = inner.lines.filter((l) => l !== '');
	const indent = ' '.repeat(marker.length);
	lines.forEach((line, i) => out.lines.push(prefix + (i === 0 ? marker : indent) + line));
	if (!lines.length) out.lines.push(prefix + marker.trimEnd());
	out.html.push('</li>');
}

function paragraph(children: Child[], out: Out, prefix: string): void {
	const { html, text } = inlineContent(children);
	out.html.push(`<p>${html}</p>`);
	out.lines.push(...text.split('\n').map((l) => prefix + l), '');
}

interface Marks {
	bold: boolean;
	italic: boolean;
	href: string | null;
}

/** Text runs with their marks; hard breaks as <br>. */
function inlineContent(children: Child[]): RichTextSnapshot {
	let html = '';
	let text = '';
	for (const child of children) {
		if (child instanceof Y.XmlText) {
			for (const op of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
				if (typeof op.insert !== 'string') continue;
				html += run(op.insert, marksOf(op.attributes ?? {}));
				text += op.insert;
			}
		} else if (child instanceof Y.XmlElement) {
			if (child.nodeName === 'hardBreak') {
				html += '<br>';
				text += '\n';
			} else {
				const inner = inlineContent(child.toArray() as Child[]);
				html += inner.html;
				text += inner.text;
			}
		}
	}
	return { html, text };
}

function marksOf(attributes: Record<string, unknown>): Marks {
	const marks: Marks = { bold: false, italic: false, href: null };
	for (const [key, value] of Object.entries(attributes)) {
		if (value === null || value === undefined) continue;
		// y-prosemirror suffixes overlapping marks with `--<hash>`.
		const name = key.split('--')[0];
		if (name === 'bold') marks.bold = true;
		else if (name === 'italic') marks.italic = true;
		else if (name === 'link' && typeof value === 'object') marks.href = safeHref((value as { href?: unknown }).href);
	}
	return marks;
}

function run(s: string, marks: Marks): string {
	let html = escapeHtml(s);
	if (marks.italic) html = `<em>${html}</em>`;
	if (marks.bold) html = `<strong>${html}</strong>`;
	if (marks.href) html = `<a href="${escapeHtml(marks.href)}" rel="noopener noreferrer nofollow">${html}</a>`;
	return html;
}

/** Plain text as rich text (a candidate's meerwaarde, a new scenario's description): blank lines part paragraphs, single ones become breaks. */
export function plainToHtml(text: string): { html: string; text: string } {
	const paragraphs = text
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean);
	return { html: paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`).join(''), text: paragraphs.join('\n\n') };
}
