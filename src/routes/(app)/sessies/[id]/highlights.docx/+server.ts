import * as meetings from '$lib/server/modules/meetings';
import { renderHighlightsDocx } from '$lib/server/modules/meetings/report/docx';
import { getLocale } from '$lib/paraglide/runtime';
import { download, fileOrError } from '../files.server';

/** The highlights report of a closed session as an editable Word document (meeting.read). */
export const GET = async ({ locals, params }) => {
	const h = await fileOrError(() => meetings.closedHighlights(locals.db, locals.actor, params.id));
	const locale = getLocale() === 'en' ? 'en' : 'nl';
	return download(
		await renderHighlightsDocx(h, locale),
		'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		meetings.highlightsFilename(h, 'docx')
	);
};
