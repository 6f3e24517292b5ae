import * as openData from '$lib/server/modules/open-data';
import { openAnswer } from '$lib/server/http/open-data';

/** The public items matching the filters as CSV (all of them, no page). */
export const GET = (event) =>
	openAnswer(event, async () => ({
		text: await openData.itemsCsv(event.locals.db, event.url.searchParams, event.url.origin),
		type: 'text/csv; charset=utf-8; header=present',
		filename: 'agendapunten.csv'
	}));
