import * as interviews from '$lib/server/modules/interviews';
import * as region from '$lib/server/modules/region';
import { can } from '$lib/server/permissions';
import { inventoryFilterFrom } from '$lib/validation/interviews';
import { guarded } from '$lib/server/http/page-guard';

export const load = async ({ locals, url }) => {
	const filter = inventoryFilterFrom(url.searchParams);
	return guarded(async () => ({
		filter,
		overview: await interviews.inventoryOverview(locals.db, locals.actor, filter),
		ambitions: await region.listAmbitions(locals.db, locals.actor),
		canManage: can(locals.actor, 'interview.manage'),
		seesConfidential: can(locals.actor, 'interview.read_confidential')
	}));
};
