import * as openData from '$lib/server/modules/open-data';
import { openAnswer } from '$lib/server/http/open-data';

/** Every college and council decision on a public item as CSV, newest first. */
export const GET = (event) =>
	openAnswer(event, async () => ({
		text: await openData.decisionsCsv(event.locals.db, event.url.origin),
		type: 'text/csv; charset=utf-8; header=present',
		filename: 'besluiten.csv'
	}));
