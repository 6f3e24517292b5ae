import * as register from '$lib/server/modules/register';
import * as region from '$lib/server/modules/region';
import { can } from '$lib/server/permissions';
import { amsterdamParts } from '$lib/meetings/time';
import { guarded } from '$lib/server/http/page-guard';

/** The filters as the GET form sends them; an unknown value is the schema's to refuse. */
function filterOf(url: URL) {
	return { municipalityId: url.searchParams.get('gemeente') ?? '', kind: url.searchParams.get('soort') ?? '', domain: url.searchParams.get('domein') ?? '' };
}

export const load = async ({ locals, url }) => {
	const year = Number(amsterdamParts(new Date()).date.slice(0, 4));
	const filter = filterOf(url);
	return guarded(async () => ({
		year,
		filter,
		collaborations: await register.registerOverview(locals.db, locals.actor, filter, year),
		municipalities: await region.listMunicipalities(locals.db, locals.actor),
		canManage: can(locals.actor, 'register.manage')
	}));
};
