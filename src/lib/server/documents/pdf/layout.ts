import type { Block, ListEntry, RichText } from '../outline';
import { cleanText, plainOf } from '../outline';
import { FONT } from './fonts';
import { BODY, ensureRoom, left, width } from './page';
import { drawTable } from './table';
import { COLORS, content, element, writeText, type Doc, type Element, type Tagged } from './tags';

const DETAIL = 9.5;
const HEADING: Record<1 | 2 | 3 | 4, { size: number; before: number; after: number }> = {
	1: { size: 18, before: 0, after: 10 },
	2: { size: 14, before: 16, after: 6 },
	3: { size: 11.5, before: 10, after: 4 },
	4: { size: 10.5, before: 8, after: 3 }
};

/** One block as tagged content: H1-H4, P, L/LI/Lbl/LBody, Table/TR/TH/TD, in the order a reader reads them. */
export function drawBlock(t: Tagged, block: Block): void {
	if (block.type === 'heading') drawHeading(t, block.level, block.text);
	else if (block.type === 'fields') drawFields(t, block.rows);
	else if (block.type === 'paragraph') drawParagraph(t, block.text, block.muted ?? false);
	else if (block.type === 'list') drawList(t, block.entries, block.ordered ?? false);
	else drawTable(t, block.columns, block.rows, drawFields);
}

function drawHeading({ doc, root }: Tagged, level: 1 | 2 | 3 | 4, text: string): void {
	const style = HEADING[level];
	doc.font(FONT.bold).fontSize(style.size);
	const height = doc.heightOfString(cleanText(text), { width: width(doc) });
	// Keep a heading with at least three lines of what follows.
	ensureRoom(doc, style.before + height + style.after + 3 * BODY * 1.4);
	if (doc.y > doc.page.margins.top) doc.y += style.before;
	// The bookmarks panel shows the document's sections.
	if (level < 3) doc.outline.addItem(cleanText(text));
	const color = level >= 3 ? COLORS.text : COLORS.heading;
	element(doc, root, `H${level}`, (h) => writeText(doc, h, text, { x: left(doc), y: doc.y, width: width(doc), size: style.size, color, bold: true }));
	doc.y += style.after;
}

function drawFields({ doc, root }: Tagged, rows: { label: string; value: RichText }[]): void {
	for (const row of rows) {
		const runs = [{ text: `${row.label}: `, bold: true }, ...(typeof row.value === 'string' ? [{ text: row.value }] : row.value)];
		ensureRoom(doc, BODY * 1.4);
		element(doc, root, 'P', (p) => writeText(doc, p, runs, { x: left(doc), y: doc.y, width: width(doc), size: BODY, color: COLORS.text }));
		doc.y += 2;
	}
	doc.y += 4;
}

function drawParagraph({ doc, root }: Tagged, text: RichText, muted: boolean): void {
	if (plainOf(text) === '') return;
	ensureRoom(doc, BODY * 1.4);
	const color = muted ? COLORS.muted : COLORS.text;
	element(doc, root, 'P', (p) => writeText(doc, p, text, { x: left(doc), y: doc.y, width: width(doc), size: BODY, color }));
	doc.y += 6;
}

function drawList({ doc, root }: Tagged, entries: ListEntry[], ordered: boolean): void {
	const indent = ordered ? 18 : 14;
	element(doc, root, 'L', (list) => {
		entries.forEach((entry, i) => {
			ensureRoom(doc, 2 * BODY * 1.4);
			element(doc, list, 'LI', (li) => drawEntry(doc, li, entry, ordered ? `${i + 1}.` : '•', indent));
			doc.y += 4;
		});
	});
	doc.y += 2;
}

function drawEntry(doc: Doc, li: Element, entry: ListEntry, label: string, indent: number): void {
	const y = doc.y;
	element(doc, li, 'Lbl', (lbl) =>
		content(lbl, () =>
			doc
				.font(FONT.regular)
				.fontSize(BODY)
				.fillColor(COLORS.text)
				.text(label, left(doc) + 2, y, { lineBreak: false })
		)
	);
	element(doc, li, 'LBody', (body) => {
		writeText(doc, body, entry.text, { x: left(doc) + indent, y, width: width(doc) - indent, size: BODY, color: COLORS.text });
		const detail = entry.detail;
		if (detail) {
			const at = doc.y + 1;
			element(doc, body, 'P', (p) =>
				writeText(doc, p, detail, { x: left(doc) + indent, y: at, width: width(doc) - indent, size: DETAIL, color: COLORS.muted })
			);
		}
	});
}
