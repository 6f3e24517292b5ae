/**
 * A neutral description of a document: what the PDF and DOCX renderers both walk, so the content of the
 * highlights report is defined once (highlights-outline.ts) and each renderer only decides how it looks.
 */
export interface ListEntry {
	text: string;
	/** A second, quieter line: owner and due date, the council a question is for. */
	detail?: string;
}

export interface TableColumn {
	header: string;
	/** Share of the text width, the columns together 1. */
	width: number;
}

export type Block =
	| { type: 'heading'; level: 1 | 2 | 3; text: string }
	| { type: 'fields'; rows: { label: string; value: string }[] }
	| { type: 'paragraph'; text: string; muted?: boolean }
	| { type: 'list'; entries: ListEntry[] }
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
