import { redirect } from '@sveltejs/kit';
import * as register from '$lib/server/modules/register';
import { guarded } from '$lib/server/http/page-guard';
import { formValues, isRefused, runForm } from '$lib/server/http/form-failure';

export const load = async ({ locals, params }) =>
	guarded(async () => ({
		...(await register.listAssessments(locals.db, locals.actor, params.id)),
		comparison: await register.compareAssessments(locals.db, locals.actor, params.id),
		summary: await register.latestAssessmentSummary(locals.db, locals.actor, params.id)
	}));

export const actions = {
	create: async ({ locals, request, params }) => {
		const values = await formValues(request);
		const res = await runForm(() => register.createAssessment(locals.db, locals.actor, { ...values, collaborationId: params.id }, locals.origin), values);
		if (isRefused(res)) return res;
		redirect(303, `/samenwerkingen/${params.id}/toetsingen/${res.id}`);
	}
};
