import * as decisions from '$lib/server/modules/decisions';
import * as region from '$lib/server/modules/region';
import { matrixFilterFromSearchParams } from '$lib/validation/decisions';

export const load = async ({ locals, url }) => {
	const filter = matrixFilterFromSearchParams(url.searchParams);
	return {
		filter,
		matrix: await decisions.positionMatrix(locals.db, locals.actor, filter),
		ambitions: await region.listAmbitions(locals.db, locals.actor)
	};
};
