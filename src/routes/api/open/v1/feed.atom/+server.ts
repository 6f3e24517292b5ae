import * as openData from '$lib/server/modules/open-data';
import { openAnswer } from '$lib/server/http/open-data';

/** The Atom feed of adopted items and decisions. */
export const GET = (event) =>
	openAnswer(event, async () => ({ text: await openData.atomFeed(event.locals.db, event.url.origin), type: 'application/atom+xml; charset=utf-8' }));
