import * as exports from '$lib/server/modules/exports';
import { fileDownload } from '$lib/server/http/file-download';
import { getLocale } from '$lib/paraglide/runtime';

/** The register as XLSX (three sheets) or one sheet as CSV: `?formaat=xlsx|csv&blad=samenwerkingen|bijdragen|momenten` (register.read). */
export const GET = async ({ locals, url }) =>
	fileDownload(() =>
		exports.registerFile(locals.db, locals.actor, {
			format: url.searchParams.get('formaat'),
			sheet: url.searchParams.get('blad'),
			locale: getLocale() === 'en' ? 'en' : 'nl',
			origin: url.origin
		})
	);
