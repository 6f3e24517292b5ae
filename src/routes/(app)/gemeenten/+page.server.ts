import * as region from '$lib/server/modules/region/queries';

export const load = async ({ locals }) => ({ municipalities: await region.listMunicipalities(locals.db, locals.actor) });
