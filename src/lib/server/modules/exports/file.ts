import { DomainError } from '../../errors';
import { m } from '../../../paraglide/messages.js';
import { renderCsv } from './csv';
import type { Sheet } from './sheet';

export const exportFormats = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The `formaat` of an export URL; anything else (or none) is a 400 with a Dutch message. */
export function exportFormat(value: string | null): ExportFormat {
	if (value === 'xlsx' || value === 'csv') return value;
	throw new DomainError('exports_unknown_format', {}, {}, 400);
}

export interface ExportFile {
	body: Uint8Array | string;
	contentType: string;
	filename: string;
}

const contentTypes: Record<ExportFormat, string> = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'text/csv; charset=utf-8; header=present'
};

/** Today's date in the Netherlands, `2026-03-31` (the date in a file's name). */
export function dutchDate(now: Date): string {
	return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The sheet written as the chosen format, named `<base>-<date>.<format>`. */
export async function writeFile(sheet: Sheet, format: ExportFormat, base: string, now = new Date()): Promise<ExportFile> {
	// The XLSX writer (ExcelJS) is loaded with the first file asked for, not kept resident by every server.
	const body =
		format === 'xlsx'
			? await (await import('./xlsx')).renderXlsx(sheet, { creator: m.exports_creator({}, { locale: sheet.language }), now })
			: renderCsv(sheet);
	return { body, contentType: contentTypes[format], filename: `${base}-${dutchDate(now)}.${format}` };
}
