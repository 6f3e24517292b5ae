import * as search from '$lib/server/modules/search';
import * as region from '$lib/server/modules/region';
import { searchFromParams } from '$lib/validation/search';

export const load = async ({ locals, url }) => {
	const request = searchFromParams(url.searchParams);
	return {
		request,
		results: await search.search(locals.db, locals.actor, request),
		ambitions: await region.listAmbitions(locals.db, locals.actor),
		municipalities: await region.listMunicipalities(locals.db, locals.actor)
	};
};
