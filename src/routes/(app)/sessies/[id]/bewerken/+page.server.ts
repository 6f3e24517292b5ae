import { error, redirect } from '@sveltejs/kit';
import * as meetings from '$lib/server/modules/meetings';
import { DomainError } from '$lib/server/errors';
import { formValues, isRefused, runForm } from '$lib/server/http/form-failure';
import { meetingPlanFromForm } from '$lib/validation/meetings';
import { amsterdamParts } from '$lib/meetings/time';
import { t } from '$lib/server/i18n';
import { planFormData } from '../../plan-page.server';

export const load = async ({ locals, params }) => {
	const form = await planFormData(locals);
	let detail;
	try {
		detail = await meetings.getMeeting(locals.db, locals.actor, params.id);
	} catch (err) {
		if (err instanceof DomainError && err.status === 404) error(404, t(err.key));
		throw err;
	}
	const { meeting, invitees, state } = detail;
	const start = amsterdamParts(meeting.startsAt);
	return {
		...form,
		meetingId: meeting.id,
		revision: meeting.revision,
		status: meeting.status,
		initial: {
			title: meeting.title,
			date: start.date,
			startTime: start.time,
			endTime: amsterdamParts(meeting.endsAt).time,
			location: meeting.location,
			onlineUrl: meeting.onlineUrl,
			entries: state.entries.map((e) => ({ itemId: e.itemId, minutes: String(e.plannedMinutes) })),
			invitees: invitees.map((p) => p.id)
		}
	};
};

export const actions = {
	default: async ({ locals, request, params }) => {
		const values = await formValues(request);
		const refused = await runForm(
			() => meetings.updateMeeting(locals.db, locals.actor, { ...meetingPlanFromForm(values), meetingId: params.id }, locals.origin),
			values
		);
		if (isRefused(refused)) return refused;
		redirect(303, `/sessies/${params.id}?gewijzigd=1`);
	}
};
