import * as publicSite from '$lib/server/modules/public';
import { publicReader } from '../../public-read.server';

export const load = async ({ locals }) => {
	const read = await publicReader(locals);
	return { sessions: await read('sessions', publicSite.listPublicMeetings) };
};
