import { json } from '@sveltejs/kit';
import * as interviews from '$lib/server/modules/interviews';
import { apiFailure } from '$lib/server/http/api-failure';
import { inventoryFilterFrom } from '$lib/validation/interviews';

/** The inventory: interviews, the matrix, candidates, with the same filters as the overview page (docs/api.md). */
export const GET = async ({ locals, url }) => {
	const filter = inventoryFilterFrom(url.searchParams);
	try {
		return json(interviews.overviewToJson(await interviews.inventoryOverview(locals.db, locals.actor, filter), filter));
	} catch (err) {
		return apiFailure(err);
	}
};
