import ExcelJS from 'exceljs';
import { guardText, type Cell, type Column, type ColumnKind, type Sheet } from './sheet';

/**
 * Excel number formats per column kind. Amounts and dates are numbers with a format, never text, so they
 * sort, filter and add up; Excel shows the separators of the reader's own regional settings.
 */
const numberFormats: Partial<Record<ColumnKind, Record<Sheet['language'], string>>> = {
	euro: { nl: '€ #,##0.00;€ -#,##0.00', en: '€#,##0.00;-€#,##0.00' },
	percent: { nl: '0%', en: '0%' },
	integer: { nl: '0', en: '0' },
	date: { nl: 'dd-mm-yyyy', en: 'yyyy-mm-dd' }
};

/** An ISO date as midnight UTC: exceljs writes a Date as its UTC calendar day, so the day never shifts. */
function isoToDate(iso: string): Date {
	return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

function cellValue(cell: Cell, column: Column): ExcelJS.CellValue {
	if (cell === null || cell === '') return null;
	switch (column.kind) {
		case 'euro':
		case 'integer':
		case 'percent':
			return Number(cell);
		case 'date':
			return isoToDate(String(cell));
		case 'link':
			return { text: String(cell), hyperlink: String(cell) };
		default:
			return guardText(String(cell));
	}
}

/** A worksheet name Excel accepts: none of `[]:*?/\`, at most 31 characters. */
function sheetName(name: string): string {
	return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Blad1';
}

/**
 * The sheet as an XLSX workbook: one worksheet with a bold, frozen header row, an autofilter over the
 * header, column widths and number formats per kind, hyperlinks, and the workbook's title, creator and
 * description set.
 */
export async function renderXlsx(sheet: Sheet, opts: { creator: string; now: Date }): Promise<Uint8Array> {
	return renderWorkbook([sheet], opts);
}

/** Several sheets as one workbook (the register: arrangements, contributions, moments); the first sheet's title and description name it. */
export async function renderWorkbook(sheets: Sheet[], opts: { creator: string; now: Date }): Promise<Uint8Array> {
	const [first] = sheets;
	const workbook = new ExcelJS.Workbook();
	Object.assign(workbook, {
		creator: opts.creator,
		lastModifiedBy: opts.creator,
		created: opts.now,
		modified: opts.now,
		title: first.title,
		subject: first.title,
		description: first.description,
		company: opts.creator,
		language: first.language === 'en' ? 'en-GB' : 'nl-NL'
	});
	for (const sheet of sheets) addWorksheet(workbook, sheet);
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function addWorksheet(workbook: ExcelJS.Workbook, sheet: Sheet): void {
	const ws = workbook.addWorksheet(sheetName(sheet.name), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'A2' }] });
	ws.columns = sheet.columns.map((c) => ({
		header: guardText(c.header),
		width: c.width,
		style: numberFormats[c.kind] ? { numFmt: numberFormats[c.kind]![sheet.language] } : {}
	}));
	for (const row of sheet.rows) ws.addRow(sheet.columns.map((c, i) => cellValue(row[i] ?? null, c)));
	for (const [i, c] of sheet.columns.entries()) {
		if (c.kind !== 'link') continue;
		ws.getColumn(i + 1).eachCell({ includeEmpty: false }, (cell, rowNumber) => {
			if (rowNumber > 1) cell.font = { color: { argb: 'FF0B5394' }, underline: true };
		});
	}
	const header = ws.getRow(1);
	header.font = { bold: true };
	header.alignment = { vertical: 'top', wrapText: true };
	header.eachCell((cell) => (cell.numFmt = '@'));
	if (sheet.columns.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
}
