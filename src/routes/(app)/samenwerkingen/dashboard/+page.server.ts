import * as register from '$lib/server/modules/register';
import * as region from '$lib/server/modules/region';
import { guarded } from '$lib/server/http/page-guard';

/** `?gemeente=leiden` or `?gemeente=regio`; without it the reader's own municipality, or the region for the regional roles. */
export const load = async ({ locals, url }) =>
	guarded(async () => {
		const scope = register.parseScope(locals.actor, url.searchParams.get('gemeente'));
		const [dashboard, municipalities] = await Promise.all([
			register.registerDashboard(locals.db, locals.actor, scope),
			region.listMunicipalities(locals.db, locals.actor)
		]);
		return { dashboard, municipalities: municipalities.map((mu) => ({ id: mu.id, name: mu.name })) };
	});
