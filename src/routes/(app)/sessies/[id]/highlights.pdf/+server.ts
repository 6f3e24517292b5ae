import * as meetings from '$lib/server/modules/meetings';
import { renderHighlightsPdf } from '$lib/server/modules/meetings/report/pdf';
import { getLocale } from '$lib/paraglide/runtime';
import { download, fileOrError } from '../files.server';

/** The highlights report of a closed session as PDF (meeting.read). */
export const GET = async ({ locals, params }) => {
	const h = await fileOrError(() => meetings.closedHighlights(locals.db, locals.actor, params.id));
	const locale = getLocale() === 'en' ? 'en' : 'nl';
	return download(await renderHighlightsPdf(h, locale), 'application/pdf', meetings.highlightsFilename(h, 'pdf'));
};
