import * as exports from '$lib/server/modules/exports';
import { fileDownload } from '$lib/server/http/file-download';
import { getLocale } from '$lib/paraglide/runtime';
import { filterFromSearchParams } from '$lib/validation/agenda';

/** The agenda as XLSX or CSV (`?formaat=xlsx|csv` plus the overview's own filters, read the same way). */
export const GET = async ({ locals, url }) =>
	fileDownload(() =>
		exports.agendaFile(locals.db, locals.actor, filterFromSearchParams(url.searchParams), {
			format: url.searchParams.get('formaat'),
			locale: getLocale() === 'en' ? 'en' : 'nl',
			origin: url.origin
		})
	);
