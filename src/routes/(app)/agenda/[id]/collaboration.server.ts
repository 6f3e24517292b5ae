import * as register from '$lib/server/modules/register';
import { formValues, runForm } from '$lib/server/http/form-failure';
import type { RequestEvent } from './$types';

/** The Samenwerking section: the assessment linked to the item and, for the verkenner, the ones that could be. */
export function collaborationFor(locals: App.Locals, itemId: string) {
	return register.assessmentOfItem(locals.db, locals.actor, itemId);
}

const section = { section: 'samenwerking' };

export const collaborationActions = {
	linkAssessment: async ({ locals, request, params }: RequestEvent) => {
		const values = await formValues(request);
		return runForm(
			() =>
				register
					.linkAssessmentToItem(locals.db, locals.actor, { assessmentId: values.assessmentId, itemId: params.id }, locals.origin)
					.then(() => ({ ...section, linked: true })),
			values,
			section
		);
	},
	unlinkAssessment: async ({ locals, request }: RequestEvent) => {
		const values = await formValues(request);
		return runForm(
			() =>
				register.unlinkAssessment(locals.db, locals.actor, { assessmentId: values.assessmentId }, locals.origin).then(() => ({ ...section, linked: false })),
			values,
			section
		);
	}
};
