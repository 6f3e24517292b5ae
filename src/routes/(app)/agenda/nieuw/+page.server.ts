import { redirect } from '@sveltejs/kit';
import * as agenda from '$lib/server/modules/agenda-items';
import * as region from '$lib/server/modules/region';
import { can } from '$lib/server/permissions';
import { formValues, isRefused, runForm } from '$lib/server/http/form-failure';

export const load = async ({ locals, url }) => ({
	ambitions: await region.listAmbitions(locals.db, locals.actor),
	municipalities: await region.listMunicipalities(locals.db, locals.actor),
	ambitionId: Number(url.searchParams.get('ambitie')) || null,
	canCreate: can(locals.actor, 'item.create')
});

export const actions = {
	default: async ({ locals, request }) => {
		const values = await formValues(request);
		const created = await runForm(() => agenda.createItem(locals.db, locals.actor, values, locals.origin), values);
		if (isRefused(created)) return created;
		redirect(303, `/agenda/${created.id}?nieuw=1`);
	}
};
