import * as openData from '$lib/server/modules/open-data';
import { openAnswer } from '$lib/server/http/open-data';

/** One session's published highlights; 404 for an id that is unknown or not published (the same answer). */
export const GET = (event) => openAnswer(event, async () => ({ json: await openData.openSession(event.locals.db, event.params.id, event.url.origin) }));
