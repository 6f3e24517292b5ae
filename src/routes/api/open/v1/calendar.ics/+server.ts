import * as openData from '$lib/server/modules/open-data';
import { openAnswer } from '$lib/server/http/open-data';

/** The public calendar: college and council decision dates and published sessions. */
export const GET = (event) =>
	openAnswer(event, async () => ({
		text: await openData.publicCalendar(event.locals.db, event.url.origin),
		type: 'text/calendar; charset=utf-8',
		filename: 'regioportaal-besluiten.ics'
	}));
