import { redirect } from '@sveltejs/kit';
import * as register from '$lib/server/modules/register';
import * as region from '$lib/server/modules/region';
import { can } from '$lib/server/permissions';
import { guarded } from '$lib/server/http/page-guard';
import { formValues, isRefused, runForm } from '$lib/server/http/form-failure';
import { participantsFromForm } from '$lib/register/form';

export const load = async ({ locals, params }) =>
	guarded(async () => {
		const found = await register.getCollaboration(locals.db, locals.actor, params.id);
		return {
			collaboration: found.collaboration,
			participants: found.participants,
			municipalities: await region.listMunicipalities(locals.db, locals.actor),
			canManage: can(locals.actor, 'register.manage')
		};
	});

export const actions = {
	default: async ({ locals, request, params }) => {
		const values = await formValues(request);
		const input = participantsFromForm({ ...values, collaborationId: params.id });
		const saved = await runForm(() => register.setParticipants(locals.db, locals.actor, input, locals.origin), values);
		if (isRefused(saved)) return saved;
		redirect(303, `/samenwerkingen/${params.id}?opgeslagen=1`);
	}
};
