import { redirect } from '@sveltejs/kit';
import * as register from '$lib/server/modules/register';
import * as region from '$lib/server/modules/region';
import { can } from '$lib/server/permissions';
import { formValues, isRefused, runForm } from '$lib/server/http/form-failure';
import { collaborationFromForm } from '$lib/register/form';

export const load = async ({ locals }) => ({
	ambitions: await region.listAmbitions(locals.db, locals.actor),
	municipalities: await region.listMunicipalities(locals.db, locals.actor),
	canManage: can(locals.actor, 'register.manage')
});

export const actions = {
	default: async ({ locals, request }) => {
		const values = await formValues(request);
		const created = await runForm(() => register.createCollaboration(locals.db, locals.actor, collaborationFromForm(values), locals.origin), values);
		if (isRefused(created)) return created;
		redirect(303, `/samenwerkingen/${created.id}/deelnemers?nieuw=1`);
	}
};
