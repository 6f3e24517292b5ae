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
import { exportFormat, writeFile, type ExportFile } from './file';
import { positionsSheet } from './positions-sheet';

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
