import { json } from '@sveltejs/kit';
import * as comments from '$lib/server/modules/comments';
import { apiFailure } from '$lib/server/http/api-failure';

/** The comments of an item the caller may read (internal ones only for their own municipality); `?after=<seq>` for a catch-up. */
export const GET = async ({ locals, params, url }) => {
	try {
		const after = Number(url.searchParams.get('after') ?? 0);
		return json(await comments.commentsSince(locals.db, locals.actor, { itemId: params.id, after: Number.isFinite(after) ? after : -1 }));
	} catch (err) {
		return apiFailure(err);
	}
};
