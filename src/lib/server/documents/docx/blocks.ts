import {
	AlignmentType,
	ExternalHyperlink,
	HeadingLevel,
	LevelFormat,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
	type INumberingOptions,
	type IStylesOptions,
	type ParagraphChild
} from 'docx';
import { runsOf, type Block, type ListEntry, type RichText, type TableColumn } from '../outline';

export const MUTED = '4A4A4A';
const BLUE = '154273';
const HEADER_FILL = 'E6EEF7';
/** A4 with Word's default 1-inch margins, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * 1440;

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const;

/**
 * Word's built-in heading styles (Heading1-4, so the navigation pane, a table of contents and a screen reader's
 * heading list work), restyled calmly; the document's language on the default run (w:lang), so spelling and
 * speech use it.
 */
export function docxStyles(language: string): IStylesOptions {
	const heading = (size: number, color: string, before: number) => ({
		run: { font: 'Arial', size, bold: true, color },
		paragraph: { spacing: { before, after: 120 }, keepNext: true }
	});
	return {
		default: {
			document: { run: { font: 'Arial', size: 21, language: { value: language } }, paragraph: { spacing: { after: 80 } } },
			heading1: heading(36, BLUE, 0),
			heading2: heading(28, BLUE, 320),
			heading3: heading(23, '1A1A1A', 200),
			heading4: heading(21, '1A1A1A', 160),
			hyperlink: { run: { color: BLUE, underline: {} } }
		}
	};
}

const ORDERED = 'ordered-list';

/** The numbering a numbered list refers to (Word needs it defined once per document). */
export const docxNumbering: INumberingOptions = {
	config: [
		{
			reference: ORDERED,
			levels: [
				{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 360, hanging: 360 } } } }
			]
		}
	]
};

/** Runs of running text; a link is a real hyperlink (Word's Hyperlink style), opened at its address. */
function richRuns(text: RichText, style: { color?: string } = {}): ParagraphChild[] {
	return runsOf(text).flatMap<ParagraphChild>((run) => {
		if (!run.href) return textRuns(run.text, { ...style, bold: run.bold });
		return [new ExternalHyperlink({ link: run.href, children: [new TextRun({ text: run.text, style: 'Hyperlink', bold: run.bold })] })];
	});
}

/** Runs for a text that may hold line breaks (minutes are typed with Enter). */
export function textRuns(text: string, style: { bold?: boolean; color?: string; size?: number } = {}): TextRun[] {
	return text.split(/\r?\n/).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...style }));
}

export function docxBlock(block: Block): (Paragraph | Table)[] {
	if (block.type === 'heading') return [new Paragraph({ heading: HEADINGS[block.level], children: textRuns(block.text) })];
	if (block.type === 'fields')
		return block.rows.map((row) => new Paragraph({ children: [new TextRun({ text: `${row.label}: `, bold: true }), ...richRuns(row.value)] }));
	if (block.type === 'paragraph') return [new Paragraph({ children: richRuns(block.text, block.muted ? { color: MUTED } : {}) })];
	if (block.type === 'list') return block.entries.map((entry) => listParagraph(entry, block.ordered ?? false));
	return [table(block.columns, block.rows), new Paragraph({ children: [] })];
}

function listParagraph(entry: ListEntry, ordered: boolean): Paragraph {
	const detail = entry.detail ? [new TextRun({ text: entry.detail, break: 1, color: MUTED, size: 19 })] : [];
	const marker = ordered ? { numbering: { reference: ORDERED, level: 0 } } : { bullet: { level: 0 } };
	return new Paragraph({ ...marker, children: [...richRuns(entry.text), ...detail] });
}

function table(columns: TableColumn[], rows: string[][]): Table {
	const widths = columns.map((c) => Math.round(c.width * TEXT_WIDTH));
	const header = new TableRow({
		tableHeader: true,
		cantSplit: true,
		children: columns.map((c, i) => cell(c.header, widths[i], true))
	});
	const bodyRows = rows.map((row) => new TableRow({ children: row.map((value, i) => cell(value, widths[i], false)) }));
	return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows: [header, ...bodyRows] });
}

function cell(text: string, width: number, isHeader: boolean): TableCell {
	return new TableCell({
		width: { size: width, type: WidthType.DXA },
		margins: { top: 60, bottom: 60, left: 100, right: 100 },
		shading: isHeader ? { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } : undefined,
		children: [new Paragraph({ spacing: { after: 0 }, children: textRuns(text, isHeader ? { bold: true } : {}) })]
	});
}
