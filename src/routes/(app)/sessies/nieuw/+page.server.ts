import { redirect } from '@sveltejs/kit';
import * as meetings from '$lib/server/modules/meetings';
import { formValues, isRefused, runForm } from '$lib/server/http/form-failure';
import { meetingPlanFromForm } from '$lib/validation/meetings';
import { planFormData } from '../plan-page.server';

export const load = async ({ locals }) => planFormData(locals);

export const actions = {
	default: async ({ locals, request }) => {
		const values = await formValues(request);
		const created = await runForm(() => meetings.createMeeting(locals.db, locals.actor, meetingPlanFromForm(values), locals.origin), values);
		if (isRefused(created)) return created;
		redirect(303, `/sessies/${created.id}?gepland=1`);
	}
};
