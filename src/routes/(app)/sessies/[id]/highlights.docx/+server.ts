import * as meetings from '$lib/server/modules/meetings';
import { renderHighlightsDocx } from '$lib/server/modules/meetings/report/docx';
import { fileDownload } from '$lib/server/http/file-download';
import { getLocale } from '$lib/paraglide/runtime';

/** The highlights report of a closed session as an editable Word document (meeting.read). */
export const GET = async ({ locals, params }) =>
	fileDownload(async () => {
		const h = await meetings.closedHighlights(locals.db, locals.actor, params.id);
		const body = await renderHighlightsDocx(h, getLocale() === 'en' ? 'en' : 'nl');
		return { body, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', filename: meetings.highlightsFilename(h, 'docx') };
	});
