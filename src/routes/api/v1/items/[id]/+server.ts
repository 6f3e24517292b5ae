import { json } from '@sveltejs/kit';
import * as agenda from '$lib/server/modules/agenda-items';
import { apiFailure } from '$lib/server/http/api-failure';

/** One agenda item with everything the item page shows (docs/api.md). */
export const GET = async ({ locals, params }) => {
	try {
		return json(agenda.itemToJson(await agenda.getItem(locals.db, locals.actor, params.id)));
	} catch (err) {
		return apiFailure(err);
	}
};
