import * as publicSite from '$lib/server/modules/public';
import { orNotFound, publicReader } from '../../../public-read.server';

/** One public item and the published sessions that discussed it; anything else (unknown, not public) is a bare 404. */
export const load = async ({ locals, params }) => {
	const read = await publicReader(locals);
	const item = await orNotFound(read(`item:${params.id}`, (q) => publicSite.getPublicItem(q, params.id)));
	const sessions = await read(`item-sessions:${item.id}`, (q) => publicSite.publicMeetingsOfItem(q, item.id));
	return { item, sessions, versionJson: item.text ? `/api/open/v1/items/${item.id}/versions/${item.text.versionNumber}` : null };
};
