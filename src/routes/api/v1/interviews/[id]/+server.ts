import { json } from '@sveltejs/kit';
import * as interviews from '$lib/server/modules/interviews';
import { apiFailure } from '$lib/server/http/api-failure';

/** One interview with its notes and candidates; 404 when it does not exist or may not be seen (docs/api.md). */
export const GET = async ({ locals, params }) => {
	try {
		return json(interviews.interviewToJson(await interviews.getInterview(locals.db, locals.actor, params.id)));
	} catch (err) {
		return apiFailure(err);
	}
};
