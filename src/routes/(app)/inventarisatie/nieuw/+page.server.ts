import { redirect } from '@sveltejs/kit';
import * as interviews from '$lib/server/modules/interviews';
import * as region from '$lib/server/modules/region';
import { can } from '$lib/server/permissions';
import { formValues, isRefused, runForm } from '$lib/server/http/form-failure';
import { inventoryFilterFrom } from '$lib/validation/interviews';
import { todayInNl } from '$lib/validation/decisions';
import { guarded } from '$lib/server/http/page-guard';

export const load = async ({ locals, url }) => {
	// The overview's "nog niet" cells link here with the municipality and body filled in.
	const preset = inventoryFilterFrom(url.searchParams);
	return guarded(async () => ({
		municipalities: await region.listMunicipalities(locals.db, locals.actor),
		preset: { municipalityId: preset.gemeente ?? '', body: preset.orgaan ?? '' },
		today: todayInNl(),
		canManage: can(locals.actor, 'interview.manage')
	}));
};

export const actions = {
	default: async ({ locals, request }) => {
		const values = await formValues(request);
		const created = await runForm(() => interviews.createInterview(locals.db, locals.actor, values, locals.origin), values);
		if (isRefused(created)) return created;
		redirect(303, `/inventarisatie/${created.id}?nieuw=1`);
	}
};
