import * as register from '$lib/server/modules/register';
import * as region from '$lib/server/modules/region';
import { can, municipalitiesFor } from '$lib/server/permissions';
import { guarded } from '$lib/server/http/page-guard';
import { amsterdamParts } from '$lib/meetings/time';

export const load = async ({ locals, params }) =>
	guarded(async () => {
		const found = await register.getCollaboration(locals.db, locals.actor, params.id);
		const [municipalities, ambitions] = await Promise.all([region.listMunicipalities(locals.db, locals.actor), region.listAmbitions(locals.db, locals.actor)]);
		return {
			...found,
			municipalities,
			ambitions,
			today: amsterdamParts(new Date()).date,
			can: {
				manage: can(locals.actor, 'register.manage'),
				contribution: municipalitiesFor(locals.actor, 'register.contribution').length > 0,
				seats: municipalitiesFor(locals.actor, 'register.seats').length > 0
			}
		};
	});
