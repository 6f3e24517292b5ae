import { error } from '@sveltejs/kit';
import * as register from '$lib/server/modules/register';
import { guarded } from '$lib/server/http/page-guard';
import { formValues, runForm } from '$lib/server/http/form-failure';
import { answersFromForm, scoresFromForm } from '$lib/validation/register-assessments';
import { t } from '$lib/server/i18n';

export const load = async ({ locals, params }) =>
	guarded(async () => {
		const detail = await register.getAssessment(locals.db, locals.actor, params.assessmentId);
		if (detail.collaboration.id !== params.id) error(404, t('assessment_not_found'));
		return { ...detail, comparison: await register.compareAssessments(locals.db, locals.actor, params.id) };
	});

/** Each form answers under its own name, so the page shows the outcome beside the form that was sent. */
export const actions = {
	answers: async ({ locals, request }) => {
		const values = await formValues(request);
		return runForm(
			() => register.saveAnswers(locals.db, locals.actor, answersFromForm(values), locals.origin).then(() => ({ section: 'answers', saved: true })),
			values,
			{ section: 'answers' }
		);
	},
	choice: async ({ locals, request }) => {
		const values = await formValues(request);
		const input = { ...values, revision: Number(values.revision) };
		return runForm(() => register.setChoice(locals.db, locals.actor, input, locals.origin).then(() => ({ section: 'choice', saved: true })), values, {
			section: 'choice'
		});
	},
	complete: async ({ locals, request }) => {
		const values = await formValues(request);
		const input = { ...values, revision: Number(values.revision) };
		return runForm(
			() => register.completeAssessment(locals.db, locals.actor, input, locals.origin).then(() => ({ section: 'complete', saved: true })),
			values,
			{ section: 'complete' }
		);
	},
	score: async ({ locals, request }) => {
		const values = await formValues(request);
		return runForm(
			() => register.scoreAssessment(locals.db, locals.actor, scoresFromForm(values), locals.origin).then(() => ({ section: 'score', saved: true })),
			values,
			{ section: 'score' }
		);
	}
};
