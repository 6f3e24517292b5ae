import * as register from '$lib/server/modules/register';
import { can } from '$lib/server/permissions';
import { formValues, runForm } from '$lib/server/http/form-failure';
import { guarded } from '$lib/server/http/page-guard';
import { boardMeetingFormInput } from '$lib/validation/register-governance';

export const load = async ({ locals, params }) =>
	guarded(async () => ({
		...(await register.listBoardMeetings(locals.db, locals.actor, params.id)),
		canManage: can(locals.actor, 'register.manage')
	}));

export const actions = {
	add: async ({ locals, request, params }) => {
		const values = await formValues(request);
		return runForm(async () => {
			await register.addBoardMeeting(locals.db, locals.actor, { ...boardMeetingFormInput(values), collaborationId: params.id }, locals.origin);
			return { done: true as const };
		}, values);
	}
};
