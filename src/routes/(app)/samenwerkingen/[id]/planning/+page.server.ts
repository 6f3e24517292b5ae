import * as register from '$lib/server/modules/register';
import * as region from '$lib/server/modules/region';
import { can } from '$lib/server/permissions';
import { guarded } from '$lib/server/http/page-guard';
import { formValues, isRefused, runForm } from '$lib/server/http/form-failure';
import { momentFromForm } from '$lib/register/form';
import { amsterdamParts } from '$lib/meetings/time';

export const load = async ({ locals, params }) =>
	guarded(async () => {
		const found = await register.getCollaboration(locals.db, locals.actor, params.id);
		const taking = new Set(found.participants.flatMap((p) => (p.municipalityId ? [p.municipalityId] : [])));
		return {
			collaboration: found.collaboration,
			moments: found.moments,
			// A moment for one council: only a council that takes part.
			councils: (await region.listMunicipalities(locals.db, locals.actor)).filter((mu) => taking.has(mu.id)),
			today: amsterdamParts(new Date()).date,
			canManage: can(locals.actor, 'register.manage')
		};
	});

/** Each form on the page says which it is (`form`, and the moment it is about), so its answer lands there. */
async function run(call: () => Promise<object>, values: Record<string, unknown>) {
	const done = await runForm(call, values, { form: String(values.momentId ?? 'new') });
	return isRefused(done) ? done : { form: String(values.momentId ?? 'new'), saved: true };
}

export const actions = {
	toevoegen: async ({ locals, request, params }) => {
		const values = await formValues(request);
		delete values.momentId;
		return run(() => register.addMoment(locals.db, locals.actor, momentFromForm({ ...values, collaborationId: params.id }), locals.origin), values);
	},
	wijzigen: async ({ locals, request, params }) => {
		const values = await formValues(request);
		return run(() => register.changeMoment(locals.db, locals.actor, momentFromForm({ ...values, collaborationId: params.id }), locals.origin), values);
	},
	verwijderen: async ({ locals, request, params }) => {
		const values = await formValues(request);
		return run(() => register.removeMoment(locals.db, locals.actor, { collaborationId: params.id, momentId: values.momentId }, locals.origin), values);
	}
};
