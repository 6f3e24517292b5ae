import * as agenda from '$lib/server/modules/agenda-items';
import * as comments from '$lib/server/modules/comments';
import * as region from '$lib/server/modules/region';
import { can } from '$lib/server/permissions';
import { filterFromSearchParams } from '$lib/validation/agenda';

export const load = async ({ locals, url }) => {
	const filter = filterFromSearchParams(url.searchParams);
	const overview = await agenda.listItems(locals.db, locals.actor, filter);
	return {
		filter,
		overview,
		// ---- comments: unread comments per item ----
		unreadComments: await comments.unreadCounts(
			locals.db,
			locals.actor,
			overview.groups.flatMap((g) => g.items.map((i) => i.id))
		),
		municipalities: await region.listMunicipalities(locals.db, locals.actor),
		ambitions: await region.listAmbitions(locals.db, locals.actor),
		canCreate: can(locals.actor, 'item.create')
	};
};
