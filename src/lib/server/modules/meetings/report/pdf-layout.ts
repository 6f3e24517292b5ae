import type PDFDocument from 'pdfkit';
import type { Block, ListEntry, TableColumn } from './outline';
import { pdfText } from './pdf-text';

type Doc = InstanceType<typeof PDFDocument>;

export const COLORS = { text: '#1a1a1a', muted: '#4a4a4a', heading: '#154273', rule: '#d4d4d4', headerFill: '#e6eef7' };
const BODY = 10.5;
const DETAIL = 9.5;
const HEADING: Record<1 | 2 | 3, { size: number; before: number; after: number }> = {
	1: { size: 18, before: 0, after: 10 },
	2: { size: 14, before: 16, after: 6 },
	3: { size: 11.5, before: 10, after: 4 }
};
const CELL_PAD = 4;

function left(doc: Doc): number {
	return doc.page.margins.left;
}
function width(doc: Doc): number {
	return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}
function bottom(doc: Doc): number {
	return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page when less than `height` is left, so headings and table rows are not cut off. */
function ensureRoom(doc: Doc, height: number): void {
	if (doc.y + height > bottom(doc)) doc.addPage();
}

function body(doc: Doc, color = COLORS.text, size = BODY): Doc {
	return doc.font('Helvetica').fontSize(size).fillColor(color);
}

export function drawBlock(doc: Doc, block: Block): void {
	if (block.type === 'heading') drawHeading(doc, block.level, block.text);
	else if (block.type === 'fields') drawFields(doc, block.rows);
	else if (block.type === 'paragraph') drawParagraph(doc, block.text, block.muted ?? false);
	else if (block.type === 'list') drawList(doc, block.entries);
	else drawTable(doc, block.columns, block.rows);
}

function drawHeading(doc: Doc, level: 1 | 2 | 3, text: string): void {
	const style = HEADING[level];
	doc.font('Helvetica-Bold').fontSize(style.size);
	const height = doc.heightOfString(pdfText(text), { width: width(doc) });
	// Keep a heading with at least three lines of what follows.
	ensureRoom(doc, style.before + height + style.after + 3 * BODY * 1.4);
	if (doc.y > doc.page.margins.top) doc.y += style.before;
	doc.fillColor(level === 3 ? COLORS.text : COLORS.heading).text(pdfText(text), left(doc), doc.y, { width: width(doc) });
	doc.y += style.after;
}

function drawFields(doc: Doc, rows: { label: string; value: string }[]): void {
	for (const row of rows) {
		doc.font('Helvetica-Bold').fontSize(BODY).fillColor(COLORS.text);
		doc.text(`${pdfText(row.label)}: `, left(doc), doc.y, { width: width(doc), continued: true });
		doc.font('Helvetica').text(pdfText(row.value));
		doc.y += 2;
	}
	doc.y += 4;
}

function drawParagraph(doc: Doc, text: string, muted: boolean): void {
	body(doc, muted ? COLORS.muted : COLORS.text).text(pdfText(text), left(doc), doc.y, { width: width(doc) });
	doc.y += 6;
}

function drawList(doc: Doc, entries: ListEntry[]): void {
	const indent = 14;
	for (const entry of entries) {
		ensureRoom(doc, 2 * BODY * 1.4);
		const y = doc.y;
		body(doc).text('•', left(doc) + 2, y, { lineBreak: false });
		doc.text(pdfText(entry.text), left(doc) + indent, y, { width: width(doc) - indent });
		if (entry.detail) body(doc, COLORS.muted, DETAIL).text(pdfText(entry.detail), left(doc) + indent, doc.y + 1, { width: width(doc) - indent });
		doc.y += 4;
	}
	doc.y += 2;
}

function drawTable(doc: Doc, columns: TableColumn[], rows: string[][]): void {
	const widths = columns.map((c) => c.width * width(doc));
	const header = columns.map((c) => c.header);
	const maxRow = bottom(doc) - doc.page.margins.top - rowHeight(doc, header, widths, true);
	ensureRoom(doc, rowHeight(doc, header, widths, true) + rowHeight(doc, rows[0] ?? [], widths, false));
	drawRow(doc, header, widths, true);
	for (const row of rows) {
		const height = rowHeight(doc, row, widths, false);
		if (height > maxRow) {
			// A row taller than a page cannot be a row: print it as labelled lines instead.
			drawFields(
				doc,
				row.map((value, i) => ({ label: header[i], value }))
			);
			continue;
		}
		if (doc.y + height > bottom(doc)) {
			doc.addPage();
			drawRow(doc, header, widths, true);
		}
		drawRow(doc, row, widths, false);
	}
	doc.x = left(doc);
	doc.y += 8;
}

function cellFont(doc: Doc, isHeader: boolean): Doc {
	return doc
		.font(isHeader ? 'Helvetica-Bold' : 'Helvetica')
		.fontSize(BODY - 0.5)
		.fillColor(COLORS.text);
}

function rowHeight(doc: Doc, cells: string[], widths: number[], isHeader: boolean): number {
	cellFont(doc, isHeader);
	const heights = cells.map((cell, i) => doc.heightOfString(pdfText(cell) || ' ', { width: widths[i] - 2 * CELL_PAD }));
	return Math.max(...heights, 0) + 2 * CELL_PAD;
}

function drawRow(doc: Doc, cells: string[], widths: number[], isHeader: boolean): void {
	const y = doc.y;
	const height = rowHeight(doc, cells, widths, isHeader);
	const total = widths.reduce((a, b) => a + b, 0);
	if (isHeader) doc.rect(left(doc), y, total, height).fill(COLORS.headerFill);
	let x = left(doc);
	cells.forEach((cell, i) => {
		cellFont(doc, isHeader).text(pdfText(cell), x + CELL_PAD, y + CELL_PAD, { width: widths[i] - 2 * CELL_PAD });
		x += widths[i];
	});
	doc
		.moveTo(left(doc), y + height)
		.lineTo(left(doc) + total, y + height)
		.lineWidth(0.5)
		.strokeColor(COLORS.rule)
		.stroke();
	doc.x = left(doc);
	doc.y = y + height;
}
