import type { Block, Inline } from './outline';

/**
 * The portal's rich text (the allow-listed HTML the co-editing layer writes: p, h2, h3, ul, ol, li,
 * blockquote, br, strong, em and a with an http(s)/mailto href) as document blocks: headings at `level`,
 * paragraphs with bold runs and links, lists. Anything else is kept as its text, never dropped.
 */
export function richTextBlocks(html: string, level: 2 | 3 | 4 = 3): Block[] {
	const state: State = { blocks: [], runs: [], bold: 0, href: null, heading: false, list: null };
	for (const token of html.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g)) {
		const [, closing, tag, attrs, text] = token;
		if (text !== undefined) addText(state, decode(text));
		else if (closing) close(state, tag.toLowerCase(), level);
		else open(state, tag.toLowerCase(), attrs);
	}
	flush(state, level);
	return state.blocks;
}

interface State {
	blocks: Block[];
	runs: Inline[];
	bold: number;
	href: string | null;
	heading: boolean;
	/** The list being read: its entries so far (an item's paragraphs are joined into one entry). */
	list: { ordered: boolean; entries: Inline[][]; depth: number } | null;
}

function addText(state: State, text: string): void {
	if (!text) return;
	const run: Inline = { text };
	if (state.bold > 0) run.bold = true;
	if (state.href) run.href = state.href;
	state.runs.push(run);
}

function open(state: State, tag: string, attrs: string): void {
	if (tag === 'strong' || tag === 'b') state.bold++;
	else if (tag === 'a') state.href = safeHref(/href="([^"]*)"/.exec(attrs)?.[1]);
	else if (tag === 'br') addText(state, '\n');
	else if (tag === 'h2' || tag === 'h3') state.heading = true;
	else if (tag === 'ul' || tag === 'ol') {
		if (state.list) state.list.depth++;
		else state.list = { ordered: tag === 'ol', entries: [], depth: 1 };
	} else if (tag === 'li' && state.list) {
		endEntry(state);
		state.list.entries.push([]);
	} else if (tag === 'p' && state.list && state.runs.length) addText(state, '\n');
}

function close(state: State, tag: string, level: 2 | 3 | 4): void {
	if (tag === 'strong' || tag === 'b') state.bold = Math.max(0, state.bold - 1);
	else if (tag === 'a') state.href = null;
	else if ((tag === 'ul' || tag === 'ol') && state.list) {
		endEntry(state);
		if (--state.list.depth === 0) {
			const { ordered, entries } = state.list;
			state.list = null;
			const kept = entries.filter((runs) => runs.some((r) => r.text.trim()));
			if (kept.length) state.blocks.push({ type: 'list', ordered, entries: kept.map((text) => ({ text })) });
		}
	} else if (!state.list && (tag === 'p' || tag === 'h2' || tag === 'h3' || tag === 'blockquote')) flush(state, level);
}

/** The runs read so far belong to the current list item. */
function endEntry(state: State): void {
	const entry = state.list?.entries.at(-1);
	if (entry && state.runs.length) entry.push(...(entry.length ? [{ text: '\n' }] : []), ...state.runs);
	state.runs = [];
}

function flush(state: State, level: 2 | 3 | 4): void {
	const runs = state.runs;
	state.runs = [];
	const text = runs.map((r) => r.text).join('');
	if (text.trim() === '') {
		state.heading = false;
		return;
	}
	state.blocks.push(state.heading ? { type: 'heading', level, text } : { type: 'paragraph', text: runs });
	state.heading = false;
}

function safeHref(value: string | undefined): string | null {
	if (!value) return null;
	const href = decode(value);
	return /^(https?:|mailto:)/i.test(href) ? href : null;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] === '#') {
			const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
			return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		}
		return NAMED[name.toLowerCase()] ?? whole;
	});
}
