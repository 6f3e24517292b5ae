import * as meetings from '$lib/server/modules/meetings';
import { renderHighlightsPdf } from '$lib/server/modules/meetings/report/pdf';
import { fileDownload } from '$lib/server/http/file-download';
import { getLocale } from '$lib/paraglide/runtime';

/** The highlights report of a closed session as PDF (meeting.read). */
export const GET = async ({ locals, params }) =>
	fileDownload(async () => {
		const h = await meetings.closedHighlights(locals.db, locals.actor, params.id);
		const body = await renderHighlightsPdf(h, getLocale() === 'en' ? 'en' : 'nl');
		return { body, contentType: 'application/pdf', filename: meetings.highlightsFilename(h, 'pdf') };
	});
