import { json } from '@sveltejs/kit';
import * as comments from '$lib/server/modules/comments';
import { apiFailure } from '$lib/server/http/api-failure';

/** The earlier texts of an edited comment, oldest first. */
export const GET = async ({ locals, params }) => {
	try {
		return json({ revisions: await comments.commentRevisionsOf(locals.db, locals.actor, { id: params.commentId }) });
	} catch (err) {
		return apiFailure(err);
	}
};
