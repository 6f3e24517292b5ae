import { json } from '@sveltejs/kit';
import * as decisions from '$lib/server/modules/decisions';
import { apiFailure } from '$lib/server/http/api-failure';

/** One version: exactly the stored canonical JSON, its parsed content and both hashes (docs/verification.md). */
export const GET = async ({ locals, params }) => {
	try {
		return json({ itemId: params.id, ...(await decisions.getVersion(locals.db, locals.actor, params.id, params.number)) });
	} catch (err) {
		return apiFailure(err);
	}
};
