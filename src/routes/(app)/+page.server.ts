import * as region from '$lib/server/modules/region';
import * as myWork from '$lib/server/modules/my-work';

export const load = async ({ locals }) => ({
	work: await myWork.myWork(locals.db, locals.actor),
	municipalities: await region.listMunicipalities(locals.db, locals.actor),
	ambitions: await region.listAmbitions(locals.db, locals.actor)
});
