import { json } from '@sveltejs/kit';
import * as agenda from '$lib/server/modules/agenda-items';
import { apiFailure } from '$lib/server/http/api-failure';
import { filterFromSearchParams } from '$lib/validation/agenda';

/** The agenda grouped by ambition, with the same filters as the overview page (docs/api.md). */
export const GET = async ({ locals, url }) => {
	const filter = filterFromSearchParams(url.searchParams);
	try {
		return json(agenda.overviewToJson(await agenda.listItems(locals.db, locals.actor, filter), filter));
	} catch (err) {
		return apiFailure(err);
	}
};
