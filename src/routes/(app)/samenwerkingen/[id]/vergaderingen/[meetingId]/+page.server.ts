import { redirect } from '@sveltejs/kit';
import * as register from '$lib/server/modules/register';
import { can } from '$lib/server/permissions';
import { formValues, isRefused, runForm } from '$lib/server/http/form-failure';
import { guarded } from '$lib/server/http/page-guard';
import { boardMeetingFormInput } from '$lib/validation/register-governance';

export const load = async ({ locals, params }) =>
	guarded(async () => ({
		...(await register.getBoardMeeting(locals.db, locals.actor, params.id, params.meetingId)),
		coming: await register.upcomingBoardMeetings(locals.db, locals.actor, params.id),
		canManage: can(locals.actor, 'register.manage'),
		canComment: can(locals.actor, 'register.comment')
	}));

/**
 * Runs one command for a form; the answer names the form (`which`) and, for a cover note's forms, the
 * municipality, so the page shows the outcome in place.
 */
async function run(which: string, request: Request, call: (values: Record<string, unknown>) => Promise<unknown>) {
	const values = await formValues(request);
	const place = { which, municipalityId: typeof values.municipalityId === 'string' ? values.municipalityId : null };
	return runForm(async () => ({ ...place, done: true as const, result: await call(values) }), values, place);
}

export const actions = {
	change: ({ locals, request, params }) =>
		run('change', request, (v) =>
			register.changeBoardMeeting(
				locals.db,
				locals.actor,
				{ ...boardMeetingFormInput(v), collaborationId: params.id, meetingId: params.meetingId },
				locals.origin
			)
		),
	remove: async ({ locals, request, params }) => {
		const res = await run('remove', request, () =>
			register.removeBoardMeeting(locals.db, locals.actor, { collaborationId: params.id, meetingId: params.meetingId }, locals.origin)
		);
		if (isRefused(res)) return res;
		redirect(303, `/samenwerkingen/${params.id}/vergaderingen`);
	},
	save: ({ locals, request, params }) =>
		run('save', request, (v) => register.saveCoverNote(locals.db, locals.actor, { ...v, boardMeetingId: params.meetingId }, locals.origin)),
	share: ({ locals, request }) => run('share', request, (v) => register.shareCoverNote(locals.db, locals.actor, v, locals.origin)),
	comment: ({ locals, request, params }) =>
		run('comment', request, (v) => register.postComment(locals.db, locals.actor, { ...v, collaborationId: params.id }, locals.origin))
};
