import * as region from '$lib/server/modules/region';

export const load = async ({ locals }) => ({
	municipalities: await region.listMunicipalities(locals.db, locals.actor),
	ambitions: await region.listAmbitions(locals.db, locals.actor)
});
