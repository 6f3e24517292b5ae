import * as openData from '$lib/server/modules/open-data';
import { openAnswer } from '$lib/server/http/open-data';

/** Klankbordgroep sessions with published highlights, newest first. */
export const GET = (event) => openAnswer(event, async () => ({ json: await openData.openSessions(event.locals.db, event.url.origin) }));
