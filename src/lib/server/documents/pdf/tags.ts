import type PDFDocument from 'pdfkit';
import { cleanText, runsOf, type RichText } from '../outline';
import { FONT } from './fonts';

export type Doc = InstanceType<typeof PDFDocument>;
export type Element = PDFKit.PDFStructureElement;

export const COLORS = { text: '#1a1a1a', muted: '#4a4a4a', heading: '#154273', link: '#154273', rule: '#d4d4d4', headerFill: '#e6eef7' };

/**
 * Where tagged content goes: the document's structure element (Document) that every block hangs under, in
 * reading order. Everything drawn outside a structure element must be an artifact (see `artifact`).
 */
export interface Tagged {
	doc: Doc;
	root: Element;
}

/** A child structure element of `parent`, filled by `fill` (which may add further children), then closed. */
export function element(doc: Doc, parent: Element, type: string, fill: (el: Element) => void): void {
	const el = doc.struct(type);
	parent.add(el);
	fill(el);
	el.end();
}

/** Content of `el` drawn by `draw`: pdfkit wraps it in marked content with an MCID (also across a page break). */
export function content(el: Element, draw: () => void): void {
	el.add(draw);
}

/** Decoration (rules, fills, repeated table headers, footers): marked as an artifact, so readers skip it. */
export function artifact(doc: Doc, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
	doc.markContent('Artifact', { type });
	draw();
	doc.endMarkedContent();
}

interface TextStyle {
	x: number;
	y: number;
	width: number;
	size: number;
	color: string;
	bold?: boolean;
}

/**
 * Running text inside `el`: plain runs as its own content, each link as a Link element holding its text and
 * its link annotation (pdfkit attaches the annotation to the Link element it is drawn in), so the link is both
 * read as a link and clickable.
 */
export function writeText(doc: Doc, el: Element, text: RichText, style: TextStyle): void {
	const runs = runsOf(text);
	if (runs.length === 0) return;
	runs.forEach((run, i) => {
		const last = i === runs.length - 1;
		const options = { width: style.width, continued: !last, link: run.href && asciiUri(run.href), underline: !!run.href };
		const draw = () => {
			doc
				.font(run.bold || style.bold ? FONT.bold : FONT.regular)
				.fontSize(style.size)
				.fillColor(run.href ? COLORS.link : style.color);
			if (i === 0) doc.text(cleanText(run.text), style.x, style.y, options);
			else doc.text(cleanText(run.text), options);
		};
		if (run.href) element(doc, el, 'Link', (link) => content(link, () => describingLinks(doc, run.text, draw)));
		else content(el, draw);
	});
}

/** A PDF URI action is 7-bit ASCII: non-ASCII in the address is percent-encoded (and a host in punycode). */
function asciiUri(href: string): string {
	try {
		return new URL(href).href;
	} catch {
		return encodeURI(href);
	}
}

type Annotate = Doc['annotate'];

/**
 * PDF/UA asks every annotation for a text alternative (/Contents). pdfkit adds a link's annotation itself while
 * it draws the text (one per line the link wraps over) and takes no such option, so for the time of `draw` its
 * annotate call gets the link's text added.
 */
function describingLinks(doc: Doc, text: string, draw: () => void): void {
	const own = Object.prototype.hasOwnProperty.call(doc, 'annotate');
	const annotate: Annotate = doc.annotate;
	doc.annotate = function (this: Doc, x, y, w, h, options) {
		// pdfkit writes a String object as a PDF text string (a plain string would become a /Name).
		const contents = new String(cleanText(text)) as unknown as string;
		return annotate.call(this, x, y, w, h, { ...options, Contents: contents });
	};
	try {
		draw();
	} finally {
		if (own) doc.annotate = annotate;
		else delete (doc as Partial<Doc>).annotate;
	}
}
