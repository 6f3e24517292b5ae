/**
 * Exports for signed-in readers: the agenda (as filtered on its page) and the positions overview as XLSX
 * and CSV. The read models reuse the pages' own (`listItems`, `positionMatrix`) with the reader as actor,
 * so a file holds exactly the rows its page shows; one writer turns typed columns into both formats.
 * Import as a namespace: `import * as exports from '$lib/server/modules/exports'`.
 */
import type { Queryable } from '../../db';
import type { Actor } from '../../permissions';
import type { AgendaFilter } from '../../../validation/agenda';
import { agendaSheet, type ExportContext } from './agenda-sheet';
import { dutchDate, exportFormat, writeFile, type ExportFile } from './file';
import { positionsSheet } from './positions-sheet';
import { registerSheets } from './register-sheets';
import { DomainError } from '../../errors';
import { m } from '../../../paraglide/messages.js';

export { agendaSheet } from './agenda-sheet';
export { positionsSheet } from './positions-sheet';
export { renderCsv, quoteField } from './csv';
export { guardText, type Column } from './sheet';
export type { ExportFile } from './file';

interface FileRequest extends ExportContext {
	/** The `formaat` query parameter as given. */
	format: string | null;
}

/** The agenda file for `/agenda/export`: the format is checked before anything is read. */
export async function agendaFile(q: Queryable, actor: Actor | null, filter: AgendaFilter, req: FileRequest): Promise<ExportFile> {
	const format = exportFormat(req.format);
	return writeFile(await agendaSheet(q, actor, filter, req), format, 'uitvoeringsagenda');
}

/** The positions file for `/standpunten/export`. */
export async function positionsFile(q: Queryable, actor: Actor | null, filter: Parameters<typeof positionsSheet>[2], req: FileRequest): Promise<ExportFile> {
	const format = exportFormat(req.format);
	return writeFile(await positionsSheet(q, actor, filter, req), format, 'standpunten');
}

/** The CSV of the register holds one sheet: `blad` names which (the arrangements by default). */
const registerCsvSheets = ['samenwerkingen', 'bijdragen', 'momenten'] as const;

/**
 * The register for `/samenwerkingen/export`: XLSX with its three sheets, or one of them as CSV
 * (`blad=samenwerkingen|bijdragen|momenten`). The format and sheet are checked before anything is read.
 */
export async function registerFile(q: Queryable, actor: Actor | null, req: FileRequest & { sheet: string | null }): Promise<ExportFile> {
	const format = exportFormat(req.format);
	const index = registerCsvSheets.indexOf((req.sheet ?? 'samenwerkingen') as (typeof registerCsvSheets)[number]);
	if (index < 0) throw new DomainError('regdash_export_unknown_sheet', {}, {}, 400);
	const sheets = await registerSheets(q, actor, req);
	if (format === 'csv') return writeFile(sheets[index], 'csv', `register-samenwerkingen-${registerCsvSheets[index]}`);
	const now = new Date();
	// The XLSX writer (ExcelJS) is loaded with the first workbook asked for, not kept resident by every server.
	const body = await (await import('./xlsx')).renderWorkbook(sheets, { creator: m.exports_creator({}, { locale: req.locale }), now });
	return { body, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `register-samenwerkingen-${dutchDate(now)}.xlsx` };
}
