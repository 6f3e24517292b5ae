import * as openData from '$lib/server/modules/open-data';
import { openAnswer } from '$lib/server/http/open-data';

/** College and council decisions on public items, newest first, paged (limit ≤ 500, offset). */
export const GET = (event) =>
	openAnswer(event, async () => ({ json: await openData.openDecisions(event.locals.db, event.url.searchParams, event.url.origin) }));
