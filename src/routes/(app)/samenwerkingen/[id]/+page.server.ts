import * as register from '$lib/server/modules/register';
import * as region from '$lib/server/modules/region';
import { can, municipalitiesFor } from '$lib/server/permissions';
import { guarded } from '$lib/server/http/page-guard';
import { formValues, runForm } from '$lib/server/http/form-failure';
import { amsterdamParts } from '$lib/meetings/time';

export const load = async ({ locals, params }) =>
	guarded(async () => {
		const found = await register.getCollaboration(locals.db, locals.actor, params.id);
		const [municipalities, ambitions, boardMeetings, assessment, comments] = await Promise.all([
			region.listMunicipalities(locals.db, locals.actor),
			region.listAmbitions(locals.db, locals.actor),
			register.upcomingBoardMeetings(locals.db, locals.actor, params.id),
			register.latestAssessmentSummary(locals.db, locals.actor, params.id),
			register.listCollaborationComments(locals.db, locals.actor, params.id)
		]);
		return {
			...found,
			municipalities,
			ambitions,
			boardMeetings,
			assessment,
			comments,
			today: amsterdamParts(new Date()).date,
			can: {
				manage: can(locals.actor, 'register.manage'),
				contribution: municipalitiesFor(locals.actor, 'register.contribution').length > 0,
				seats: municipalitiesFor(locals.actor, 'register.seats').length > 0,
				comment: can(locals.actor, 'register.comment')
			}
		};
	});

export const actions = {
	/** A comment on the arrangement itself (comments on a cover note are posted on its meeting's page). */
	comment: async ({ locals, request, params }) => {
		const values = await formValues(request);
		return runForm(
			async () => ({
				done: true as const,
				result: await register.postComment(locals.db, locals.actor, { body: values.body, collaborationId: params.id }, locals.origin)
			}),
			values
		);
	}
};
