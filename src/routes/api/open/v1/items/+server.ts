import * as openData from '$lib/server/modules/open-data';
import { openAnswer } from '$lib/server/http/open-data';

/** Public items, filtered (ambitie, gemeente, status, q; unknown values ignored) and paged (limit ≤ 500, offset). */
export const GET = (event) => openAnswer(event, async () => ({ json: await openData.openItems(event.locals.db, event.url.searchParams, event.url.origin) }));
