import * as publicSite from '$lib/server/modules/public';
import { orNotFound, publicReader } from '../../../public-read.server';

/** A session's published highlights; unknown or not published is a bare 404. */
export const load = async ({ locals, params }) => {
	const read = await publicReader(locals);
	return { session: await orNotFound(read(`session:${params.id}`, (q) => publicSite.getPublicMeeting(q, params.id))) };
};
