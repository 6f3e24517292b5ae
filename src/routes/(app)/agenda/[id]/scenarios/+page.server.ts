import * as scenarios from '$lib/server/modules/scenarios';
import * as register from '$lib/server/modules/register';
import { guarded } from '$lib/server/http/page-guard';
import { formFailure, formValues, runForm } from '$lib/server/http/form-failure';
import { DomainError } from '$lib/server/errors';
import { fail } from '@sveltejs/kit';
import { criteriaFromForm, scoresFromForm } from '$lib/validation/scenarios';
import * as region from '$lib/server/modules/region';

export const load = async ({ locals, params }) =>
	guarded(async () => {
		const page = await scenarios.scenariosPage(locals.db, locals.actor, params.id);
		return {
			...page,
			municipalities: await region.listMunicipalities(locals.db, locals.actor),
			collaborations: page.permissions.edit ? (await register.listCollaborations(locals.db, locals.actor)).map((c) => ({ id: c.id, name: c.name })) : []
		};
	});

/** A refusal that asks the person to confirm (the scenario or criteria hold scores): the form then offers the confirmation. */
function askToConfirm(form: string, values: Record<string, unknown>) {
	return (err: unknown) => {
		if (!(err instanceof DomainError) || !err.key.endsWith('_remove_confirm')) return undefined;
		const res = formFailure(err, values);
		return fail(res.status, { ...res.data, ...answer(form, values), confirm: true });
	};
}

/** Each form answers under its own name (and scenario), so the page shows the outcome beside the form that was sent. */
const answer = (form: string, values: Record<string, unknown>) => ({ form, scenarioId: typeof values.scenarioId === 'string' ? values.scenarioId : null });

export const actions = {
	add: async ({ locals, request, params }) => {
		const values = await formValues(request);
		return runForm(
			() =>
				scenarios.addScenario(locals.db, locals.actor, { ...values, itemId: params.id }, locals.origin).then(() => ({ ...answer('add', values), saved: true })),
			values,
			answer('add', values)
		);
	},
	update: async ({ locals, request }) => {
		const values = await formValues(request);
		return runForm(
			() => scenarios.updateScenario(locals.db, locals.actor, values, locals.origin).then(() => ({ ...answer('update', values), saved: true })),
			values,
			answer('update', values)
		);
	},
	remove: async ({ locals, request }) => {
		const values = await formValues(request);
		return runForm(
			() => scenarios.removeScenario(locals.db, locals.actor, values, locals.origin).then(() => ({ ...answer('remove', values), saved: true })),
			values,
			answer('remove', values),
			askToConfirm('remove', values)
		);
	},
	propose: async ({ locals, request, params }) => {
		const values = await formValues(request);
		return runForm(
			() =>
				scenarios
					.proposeScenario(locals.db, locals.actor, { ...values, itemId: params.id }, locals.origin)
					.then(() => ({ ...answer('propose', values), saved: true })),
			values,
			answer('propose', values)
		);
	},
	criteria: async ({ locals, request, params }) => {
		const values = await formValues(request);
		return runForm(
			() =>
				scenarios
					.setCriteria(locals.db, locals.actor, criteriaFromForm({ ...values, itemId: params.id }), locals.origin)
					.then(() => ({ ...answer('criteria', values), saved: true })),
			values,
			answer('criteria', values),
			askToConfirm('criteria', values)
		);
	},
	score: async ({ locals, request }) => {
		const values = await formValues(request);
		const form = `score-${values.municipalityId}-${values.voice}`;
		return runForm(
			() => scenarios.scoreScenario(locals.db, locals.actor, scoresFromForm(values), locals.origin).then(() => ({ ...answer(form, values), saved: true })),
			values,
			answer(form, values)
		);
	}
};
