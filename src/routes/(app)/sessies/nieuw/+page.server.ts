import { redirect } from '@sveltejs/kit';
import * as meetings from '$lib/server/modules/meetings';
import { formFailure, formValues } from '$lib/server/http/form-failure';
import { meetingPlanFromForm } from '$lib/validation/meetings';
import { planFormData } from '../plan-page.server';

export const load = async ({ locals }) => planFormData(locals);

export const actions = {
	default: async ({ locals, request }) => {
		const values = await formValues(request);
		let created;
		try {
			created = await meetings.createMeeting(locals.db, locals.actor, meetingPlanFromForm(values), locals.origin);
		} catch (err) {
			return formFailure(err, values);
		}
		redirect(303, `/sessies/${created.id}?gepland=1`);
	}
};
