import { json } from '@sveltejs/kit';
import * as decisions from '$lib/server/modules/decisions';
import { apiFailure } from '$lib/server/http/api-failure';

/** An item's positions, sign-offs (verified, valid or voided), council decisions and progress (docs/api.md). */
export const GET = async ({ locals, params }) => {
	try {
		return json(decisions.decisionsToJson(await decisions.getItemDecisions(locals.db, locals.actor, params.id)));
	} catch (err) {
		return apiFailure(err);
	}
};
