import { fail, redirect } from '@sveltejs/kit';
import * as register from '$lib/server/modules/register';
import * as region from '$lib/server/modules/region';
import { can } from '$lib/server/permissions';
import { guarded } from '$lib/server/http/page-guard';
import { formValues, isRefused, runForm } from '$lib/server/http/form-failure';
import { collaborationFormValues, collaborationFromForm, endFromForm } from '$lib/register/form';
import { t } from '$lib/server/i18n';

export const load = async ({ locals, params }) =>
	guarded(async () => {
		const found = await register.getCollaboration(locals.db, locals.actor, params.id);
		return {
			collaboration: found.collaboration,
			values: collaborationFormValues(found.collaboration, found.ambitionIds),
			ambitions: await region.listAmbitions(locals.db, locals.actor),
			municipalities: await region.listMunicipalities(locals.db, locals.actor),
			canManage: can(locals.actor, 'register.manage')
		};
	});

export const actions = {
	bewerken: async ({ locals, request, params }) => {
		const values = await formValues(request);
		const input = { ...collaborationFromForm(values), collaborationId: params.id };
		const saved = await runForm(() => register.updateCollaboration(locals.db, locals.actor, input, locals.origin), values, { form: 'edit' as const });
		if (isRefused(saved)) return saved;
		redirect(303, `/samenwerkingen/${params.id}?opgeslagen=1`);
	},
	beeindigen: async ({ locals, request, params }) => {
		const values = await formValues(request);
		const input = endFromForm({ ...values, collaborationId: params.id });
		// The confirmation is the form's own question, asked before the command runs.
		if (!input)
			return fail(400, { form: 'end' as const, message: '', errors: { confirm: t('register_end_confirm_required') } as Record<string, string>, values });
		const ended = await runForm(() => register.endCollaboration(locals.db, locals.actor, input, locals.origin), values, { form: 'end' as const });
		if (isRefused(ended)) return ended;
		redirect(303, `/samenwerkingen/${params.id}`);
	}
};
