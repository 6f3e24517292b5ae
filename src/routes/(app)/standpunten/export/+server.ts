import * as exports from '$lib/server/modules/exports';
import { fileDownload } from '$lib/server/http/file-download';
import { getLocale } from '$lib/paraglide/runtime';
import { matrixFilterFromSearchParams } from '$lib/validation/decisions';

/** The positions overview as XLSX or CSV (`?formaat=xlsx|csv` plus the page's own filters, read the same way). */
export const GET = async ({ locals, url }) =>
	fileDownload(() =>
		exports.positionsFile(locals.db, locals.actor, matrixFilterFromSearchParams(url.searchParams), {
			format: url.searchParams.get('formaat'),
			locale: getLocale() === 'en' ? 'en' : 'nl',
			origin: url.origin
		})
	);
