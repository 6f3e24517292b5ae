import { redirect } from '@sveltejs/kit';
import * as register from '$lib/server/modules/register';
import * as region from '$lib/server/modules/region';
import { can, municipalitiesFor } from '$lib/server/permissions';
import { guarded } from '$lib/server/http/page-guard';
import { formValues, isRefused, runForm } from '$lib/server/http/form-failure';
import { contributionFromForm, splitFromForm } from '$lib/register/form';
import { amsterdamParts } from '$lib/meetings/time';

export const load = async ({ locals, params }) =>
	guarded(async () => {
		const found = await register.getCollaboration(locals.db, locals.actor, params.id);
		const taking = found.participants.flatMap((p) => (p.municipalityId ? [p.municipalityId] : []));
		const mine = new Set(municipalitiesFor(locals.actor, 'register.contribution'));
		const municipalities = await region.listMunicipalities(locals.db, locals.actor);
		return {
			collaboration: found.collaboration,
			contributions: found.contributions,
			participating: municipalities.filter((mu) => taking.includes(mu.id)),
			// A municipality's own contribution: only for those this person keeps, and that take part.
			ownMunicipalities: municipalities.filter((mu) => taking.includes(mu.id) && mine.has(mu.id)),
			year: Number(amsterdamParts(new Date()).date.slice(0, 4)),
			canManage: can(locals.actor, 'register.manage')
		};
	});

const back = (id: string) => redirect(303, `/samenwerkingen/${id}?opgeslagen=1`);

export const actions = {
	verdelen: async ({ locals, request, params }) => {
		const values = await formValues(request);
		const input = splitFromForm({ ...values, collaborationId: params.id });
		const done = await runForm(() => register.splitContributions(locals.db, locals.actor, input, locals.origin), values, { form: 'split' as const });
		if (isRefused(done)) return done;
		back(params.id);
	},
	bijdrage: async ({ locals, request, params }) => {
		const values = await formValues(request);
		const input = contributionFromForm({ ...values, collaborationId: params.id });
		const done = await runForm(() => register.setContribution(locals.db, locals.actor, input, locals.origin), values, { form: 'own' as const });
		if (isRefused(done)) return done;
		back(params.id);
	}
};
