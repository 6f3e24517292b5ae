/**
 * A neutral description of a document: what the PDF and DOCX renderers both walk, so a document's content
 * is defined once (e.g. meetings' highlights-outline.ts) and each renderer only decides how it looks and how
 * its structure is written down (PDF tags, Word styles).
 */

/** A piece of running text: plain, bold, or a link (shown as its text, opened at `href`). */
export interface Inline {
	text: string;
	bold?: boolean;
	/** An absolute http(s) or mailto address. */
	href?: string;
}

/** Running text: a plain string, or runs of which some may be bold or links. */
export type RichText = string | Inline[];

export interface ListEntry {
	text: RichText;
	/** A second, quieter line: owner and due date, the council a question is for. */
	detail?: string;
}

export interface TableColumn {
	header: string;
	/** Share of the text width, the columns together 1. */
	width: number;
}

export type Block =
	| { type: 'heading'; level: 1 | 2 | 3 | 4; text: string }
	| { type: 'fields'; rows: { label: string; value: RichText }[] }
	| { type: 'paragraph'; text: RichText; muted?: boolean }
	| { type: 'list'; entries: ListEntry[]; ordered?: boolean }
	| { type: 'table'; columns: TableColumn[]; rows: string[][] };

export interface Outline {
	title: string;
	subject: string;
	creator: string;
	/** BCP 47 tag for the document's language, e.g. nl-NL. */
	language: string;
	createdAt: Date;
	/** The footer line on every page, e.g. "Gegenereerd op 11 maart 2025 om 22:05". */
	footer: string;
	/** "Pagina {page} van {total}" with the renderer's own page fields filled in. */
	pageLabel: (page: string, total: string) => string;
	blocks: Block[];
}

/** The runs of a piece of running text, empty runs left out. */
export function runsOf(text: RichText): Inline[] {
	const runs = typeof text === 'string' ? [{ text }] : text;
	return runs.filter((run) => run.text !== '');
}

/** The text a reader sees, without its marks. */
export function plainOf(text: RichText): string {
	return runsOf(text)
		.map((run) => run.text)
		.join('');
}

/** Characters that break a text layout (tabs, carriage returns, decomposed accents) made plain. */
export function cleanText(text: string): string {
	return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
}
