import { json } from '@sveltejs/kit';
import * as decisions from '$lib/server/modules/decisions';
import { apiFailure } from '$lib/server/http/api-failure';

/** Every stored version of an item with its hashes, to verify a signature (docs/verification.md). */
export const GET = async ({ locals, params }) => {
	try {
		return json({ itemId: params.id, versions: await decisions.listVersions(locals.db, locals.actor, params.id) });
	} catch (err) {
		return apiFailure(err);
	}
};
