import * as region from '$lib/server/modules/region';
import * as myWork from '$lib/server/modules/my-work';
import * as overview from '$lib/server/modules/overview';
import { guarded } from '$lib/server/http/page-guard';

export const load = async ({ locals }) =>
	guarded(async () => {
		const [work, municipalities, regionOverview] = await Promise.all([
			myWork.myWork(locals.db, locals.actor),
			region.listMunicipalities(locals.db, locals.actor),
			overview.regionOverview(locals.db, locals.actor)
		]);
		return { work, municipalities, overview: regionOverview };
	});
