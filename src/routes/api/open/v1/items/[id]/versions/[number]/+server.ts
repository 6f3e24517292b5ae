import * as openData from '$lib/server/modules/open-data';
import { openAnswer } from '$lib/server/http/open-data';

/** The stored canonical JSON of a public item's public text version, to check its hash; 404 for any other version. */
export const GET = (event) => openAnswer(event, async () => ({ json: await openData.openVersion(event.locals.db, event.params.id, event.params.number) }));
