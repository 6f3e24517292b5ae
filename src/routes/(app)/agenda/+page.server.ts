import * as agenda from '$lib/server/modules/agenda-items';
import * as region from '$lib/server/modules/region/queries';
import { can } from '$lib/server/permissions';
import { filterFromSearchParams } from '$lib/validation/agenda';

export const load = async ({ locals, url }) => {
	const filter = filterFromSearchParams(url.searchParams);
	return {
		filter,
		overview: await agenda.listItems(locals.db, locals.actor, filter),
		municipalities: await region.listMunicipalities(locals.db, locals.actor),
		ambitions: await region.listAmbitions(locals.db, locals.actor),
		canCreate: can(locals.actor, 'item.create')
	};
};
