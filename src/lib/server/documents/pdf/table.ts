import type { RichText, TableColumn } from '../outline';
import { cleanText } from '../outline';
import { FONT } from './fonts';
import { BODY, bottom, left, rule, width } from './page';
import { artifact, COLORS, content, element, type Doc, type Element, type Tagged } from './tags';

const CELL_PAD = 4;

/**
 * A real table: Table > TR > TH (scope column) / TD. On a page break the header row is drawn again as an
 * artifact, so a screen reader reads it once while a sighted reader sees it on every page.
 */
export function drawTable(
	t: Tagged,
	columns: TableColumn[],
	rows: string[][],
	drawFields: (t: Tagged, rows: { label: string; value: RichText }[]) => void
): void {
	const { doc } = t;
	const widths = columns.map((c) => c.width * width(doc));
	const header = columns.map((c) => c.header);
	const maxRow = bottom(doc) - doc.page.margins.top - rowHeight(doc, header, widths, true);
	let pending = rows;
	while (pending.length) {
		// A row taller than a page cannot be a row: it is printed as labelled lines between two tables.
		const tall = pending.findIndex((row) => rowHeight(doc, row, widths, false) > maxRow);
		const fits = tall < 0 ? pending : pending.slice(0, tall);
		if (fits.length) tableOf(t, header, widths, fits);
		if (tall < 0) break;
		drawFields(
			t,
			pending[tall].map((value, i) => ({ label: header[i], value }))
		);
		pending = pending.slice(tall + 1);
	}
	doc.x = left(doc);
	doc.y += 8;
}

function tableOf({ doc, root }: Tagged, header: string[], widths: number[], rows: string[][]): void {
	if (doc.y + rowHeight(doc, header, widths, true) + rowHeight(doc, rows[0], widths, false) > bottom(doc)) doc.addPage();
	element(doc, root, 'Table', (table) => {
		element(doc, table, 'TR', (tr) => drawRow(doc, tr, header, widths, true));
		for (const row of rows) {
			if (doc.y + rowHeight(doc, row, widths, false) > bottom(doc)) {
				doc.addPage();
				artifact(doc, () => drawCells(doc, header, widths, true));
			}
			element(doc, table, 'TR', (tr) => drawRow(doc, tr, row, widths, false));
		}
	});
}

function cellFont(doc: Doc, isHeader: boolean): Doc {
	return doc
		.font(isHeader ? FONT.bold : FONT.regular)
		.fontSize(BODY - 0.5)
		.fillColor(COLORS.text);
}

function rowHeight(doc: Doc, cells: string[], widths: number[], isHeader: boolean): number {
	cellFont(doc, isHeader);
	const heights = cells.map((cell, i) => doc.heightOfString(cleanText(cell) || ' ', { width: widths[i] - 2 * CELL_PAD }));
	return Math.max(...heights, 0) + 2 * CELL_PAD;
}

/** One tagged row: each cell a TH (with scope Column, so a reader names the column) or a TD. */
function drawRow(doc: Doc, tr: Element, cells: string[], widths: number[], isHeader: boolean): void {
	const y = doc.y;
	const height = rowHeight(doc, cells, widths, isHeader);
	const total = widths.reduce((a, b) => a + b, 0);
	if (isHeader) artifact(doc, () => doc.rect(left(doc), y, total, height).fill(COLORS.headerFill));
	let x = left(doc);
	cells.forEach((cell, i) => {
		const at = x;
		element(doc, tr, isHeader ? 'TH' : 'TD', (td) => {
			if (isHeader) scopeColumn(td);
			content(td, () => cellFont(doc, isHeader).text(cleanText(cell), at + CELL_PAD, y + CELL_PAD, { width: widths[i] - 2 * CELL_PAD }));
		});
		x += widths[i];
	});
	rule(doc, left(doc), y + height, total);
	doc.x = left(doc);
	doc.y = y + height;
}

/** The same row, untagged (for a repeated header, inside an artifact). */
function drawCells(doc: Doc, cells: string[], widths: number[], isHeader: boolean): void {
	const y = doc.y;
	const height = rowHeight(doc, cells, widths, isHeader);
	const total = widths.reduce((a, b) => a + b, 0);
	if (isHeader) doc.rect(left(doc), y, total, height).fill(COLORS.headerFill);
	let x = left(doc);
	cells.forEach((cell, i) => {
		cellFont(doc, isHeader).text(cleanText(cell), x + CELL_PAD, y + CELL_PAD, { width: widths[i] - 2 * CELL_PAD });
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

/** pdfkit has no option for structure attributes; the dictionary is written when the element ends. */
function scopeColumn(th: Element): void {
	(th as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = { O: 'Table', Scope: 'Column' };
}
