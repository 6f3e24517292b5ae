import * as openData from '$lib/server/modules/open-data';
import { openAnswer } from '$lib/server/http/open-data';

/** One public item by its stable id; 404 for an id that is unknown or not public (the same answer). */
export const GET = (event) => openAnswer(event, async () => ({ json: await openData.openItem(event.locals.db, event.params.id, event.url.origin) }));
