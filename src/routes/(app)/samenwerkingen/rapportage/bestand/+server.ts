import * as register from '$lib/server/modules/register';
import { fileDownload } from '$lib/server/http/file-download';
import { formValues } from '$lib/server/http/form-failure';
import { getLocale } from '$lib/paraglide/runtime';

/**
 * Draws up the half-yearly report and hands it out (a POST: drawing it up is recorded). The form sends
 * gemeente, halfjaar and formaat (pdf|docx); a wrong value is a 400 saying what to choose.
 */
export const POST = async ({ locals, request, url }) => {
	const values = await formValues(request);
	return fileDownload(async () => {
		const file = await register.drawUpReport(locals.db, locals.actor, values, locals.origin, {
			locale: getLocale() === 'en' ? 'en' : 'nl',
			origin: url.origin
		});
		return { body: file.bytes, contentType: file.type, filename: file.filename };
	});
};
