import { error, redirect } from '@sveltejs/kit';
import * as meetings from '$lib/server/modules/meetings';
import * as region from '$lib/server/modules/region';
import * as publicSite from '$lib/server/modules/public';
import { DomainError } from '$lib/server/errors';
import { can, ForbiddenError, municipalitiesFor, type Actor } from '$lib/server/permissions';
import { formValues, isRefused, runForm } from '$lib/server/http/form-failure';
import { t } from '$lib/server/i18n';
import { commentsForItems } from './comments.server';

export const load = async ({ locals, params }) => {
	const { db, actor } = locals;
	let detail;
	try {
		detail = await meetings.getMeeting(db, actor, params.id);
	} catch (err) {
		if (err instanceof DomainError && err.status === 404) error(404, t(err.key));
		if (err instanceof ForbiddenError) error(403, t('error_forbidden_action'));
		throw err;
	}
	const canPlan = can(actor, 'meeting.plan');
	const municipalities = (await region.listMunicipalities(db, actor)).map((mu) => ({ id: mu.id, name: mu.name }));
	// Whom the chair may record as present: invitees, for each municipality they may check in for (the policy decides).
	const members = detail.invitees.flatMap((p) => {
		const as: Actor = { userId: p.id, name: p.name, grants: p.roles };
		return municipalitiesFor(as, 'meeting.checkin').map((municipalityId) => ({ id: p.id, name: p.name, municipalityId }));
	});
	return {
		meeting: detail.meeting,
		invitees: detail.invitees.map((p) => ({ id: p.id, name: p.name, roles: p.roles })),
		state: detail.state,
		municipalities,
		canPlan,
		canCancel: can(actor, 'meeting.cancel'),
		canPublish: can(actor, 'meeting.publish'),
		publicPath: publicSite.publicMeetingPath(params.id),
		chairOptions: canPlan ? meetings.chairCandidates(await meetings.verkenners(db), detail.invitees) : [],
		members,
		my: {
			checkinFor: municipalitiesFor(actor, 'meeting.checkin'),
			temperatureFor: municipalitiesFor(actor, 'meeting.temperature'),
			positionFor: municipalitiesFor(actor, 'position.set')
		},
		comments: await commentsForItems(
			locals,
			detail.state.entries.map((e) => e.itemId)
		)
	};
};

export const actions = {
	cancel: async ({ locals, request, params }) => {
		const values = await formValues(request);
		const refused = await runForm(() => meetings.cancelMeeting(locals.db, locals.actor, { ...values, meetingId: params.id }, locals.origin), values, {
			section: 'cancel'
		});
		if (isRefused(refused)) return refused;
		redirect(303, `/sessies/${params.id}?geannuleerd=1`);
	},
	chair: async ({ locals, request, params }) => {
		const values = await formValues(request);
		return runForm(
			async () => {
				await meetings.nameChair(locals.db, locals.actor, { ...values, meetingId: params.id }, locals.origin);
				return { section: 'chair', saved: true };
			},
			values,
			{ section: 'chair' }
		);
	},
	publish: async ({ locals, request, params }) => {
		const values = await formValues(request);
		return runForm(
			async () => {
				const state = await meetings.publishHighlights(locals.db, locals.actor, { ...values, meetingId: params.id }, locals.origin);
				return { section: 'publish', published: state.highlightsPublishedAt !== null };
			},
			values,
			{ section: 'publish' }
		);
	},
	// The scenario comparison and its checks: forms (they work without script too); every screen follows by the live state.
	scenarios: async ({ locals, request, params }) => {
		const values = await formValues(request);
		return runForm(
			async () => ({ section: 'scenarios', state: await meetings.showScenarios(locals.db, locals.actor, { ...values, meetingId: params.id }, locals.origin) }),
			values,
			{ section: 'scenarios' }
		);
	},
	scenarioCheck: async ({ locals, request, params }) => {
		const values = await formValues(request);
		const ref = { section: 'scenario-check', scenarioId: String(values.scenarioId ?? ''), municipalityId: String(values.municipalityId ?? '') };
		return runForm(
			async () => ({ ...ref, state: await meetings.giveScenarioTemperature(locals.db, locals.actor, { ...values, meetingId: params.id }, locals.origin) }),
			values,
			ref
		);
	},
	adopt: async ({ locals, request, params }) => {
		const values = await formValues(request);
		const ref = { section: 'adopt', itemId: String(values.itemId ?? ''), municipalityId: String(values.municipalityId ?? '') };
		return runForm(
			async () => {
				await meetings.adoptTemperature(locals.db, locals.actor, { ...values, meetingId: params.id }, locals.origin);
				return { ...ref, saved: true };
			},
			values,
			ref
		);
	}
};
