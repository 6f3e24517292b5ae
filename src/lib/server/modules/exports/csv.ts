import { quoteCsvField } from '../../csv';
import { guardText, type Cell, type Column, type Sheet } from './sheet';

/**
 * CSV as Dutch Excel opens it by double-click: UTF-8 with a byte-order mark (without it Excel reads the file
 * as Windows-1252 and breaks every accent), `;` between fields and a decimal comma (the list separator and
 * decimal sign of the Dutch regional settings; with `,` Excel puts a whole row in one column), CRLF line ends
 * and RFC 4180 quoting. Dates are ISO (`2026-03-31`), which Excel reads as a date in every language;
 * amounts have no thousands separator and no currency sign (the header says EUR); a share is written with
 * `%`, as Excel reads it back to the same fraction.
 */
export const CSV_SEPARATOR = ';' as const;
const BOM = '\uFEFF';

/** A field in quotes when it holds the separator, a quote or a line break; quotes doubled (RFC 4180). */
export function quoteField(value: string): string {
	return quoteCsvField(value, CSV_SEPARATOR);
}

/** A number with a decimal comma, at most `digits` decimals and no grouping: 33.333 → "33,3". */
function decimal(n: number, digits: number): string {
	return String(Number(n.toFixed(digits))).replace('.', ',');
}

function cellText(cell: Cell, column: Column): string {
	if (cell === null || cell === '') return '';
	switch (column.kind) {
		case 'euro':
			return Number(cell).toFixed(2).replace('.', ',');
		case 'integer':
			return String(Math.trunc(Number(cell)));
		case 'percent':
			return `${decimal(Number(cell) * 100, 1)}%`;
		case 'date':
		case 'link':
			return quoteField(String(cell));
		default:
			return quoteField(guardText(String(cell)));
	}
}

/** The sheet as CSV text (header row first), starting with the BOM. */
export function renderCsv(sheet: Pick<Sheet, 'columns' | 'rows'>): string {
	const header = sheet.columns.map((c) => quoteField(guardText(c.header))).join(CSV_SEPARATOR);
	const lines = sheet.rows.map((row) => sheet.columns.map((c, i) => cellText(row[i] ?? null, c)).join(CSV_SEPARATOR));
	return `${BOM}${[header, ...lines].join('\r\n')}\r\n`;
}
