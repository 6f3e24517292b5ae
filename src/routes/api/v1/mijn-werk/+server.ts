import { json } from '@sveltejs/kit';
import * as myWork from '$lib/server/modules/my-work';
import { apiFailure } from '$lib/server/http/api-failure';

/** What awaits the signed-in person (docs/api.md); `?alleen=aantal` gives only the navigation's count. */
export const GET = async ({ locals, url }) => {
	try {
		if (url.searchParams.get('alleen') === 'aantal') return json({ count: await myWork.myWorkCount(locals.db, locals.actor) });
		return json(await myWork.myWork(locals.db, locals.actor));
	} catch (err) {
		return apiFailure(err);
	}
};
