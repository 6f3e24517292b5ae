import * as documents from '$lib/server/modules/documents';
import { fileDownload } from '$lib/server/http/file-download';
import { getLocale } from '$lib/paraglide/runtime';

/** The item as a raadsinformatiebrief for one participating municipality: ?gemeente=leiden&formaat=pdf|docx (item.read). */
export const GET = async ({ locals, params, url }) =>
	fileDownload(async () => {
		const file = await documents.itemBriefFile(locals.db, locals.actor, params.id, Object.fromEntries(url.searchParams), {
			locale: getLocale() === 'en' ? 'en' : 'nl',
			origin: url.origin
		});
		return { body: file.bytes, contentType: file.type, filename: file.filename };
	});
