import { artifact, COLORS, type Doc } from './tags';

export const BODY = 10.5;

export function left(doc: Doc): number {
	return doc.page.margins.left;
}
export function width(doc: Doc): number {
	return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}
export function bottom(doc: Doc): number {
	return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page when less than `height` is left, so headings and table rows are not cut off. */
export function ensureRoom(doc: Doc, height: number): void {
	if (doc.y + height > bottom(doc)) doc.addPage();
}

/** A thin horizontal rule as decoration. */
export function rule(doc: Doc, x: number, y: number, length: number): void {
	artifact(doc, () =>
		doc
			.moveTo(x, y)
			.lineTo(x + length, y)
			.lineWidth(0.5)
			.strokeColor(COLORS.rule)
			.stroke()
	);
}
