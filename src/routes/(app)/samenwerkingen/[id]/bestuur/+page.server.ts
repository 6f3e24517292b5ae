import { redirect } from '@sveltejs/kit';
import * as register from '$lib/server/modules/register';
import * as region from '$lib/server/modules/region';
import { municipalitiesFor } from '$lib/server/permissions';
import { guarded } from '$lib/server/http/page-guard';
import { formValues, isRefused, runForm } from '$lib/server/http/form-failure';
import { seatsFromForm } from '$lib/register/form';

export const load = async ({ locals, params, url }) =>
	guarded(async () => {
		const found = await register.getCollaboration(locals.db, locals.actor, params.id);
		const taking = new Set(found.participants.flatMap((p) => (p.municipalityId ? [p.municipalityId] : [])));
		const mine = new Set(municipalitiesFor(locals.actor, 'register.seats'));
		// Only the participating municipalities this person keeps the board members of.
		const editable = (await region.listMunicipalities(locals.db, locals.actor)).filter((mu) => taking.has(mu.id) && mine.has(mu.id));
		const chosen = editable.find((mu) => mu.id === url.searchParams.get('gemeente')) ?? editable[0] ?? null;
		return {
			collaboration: found.collaboration,
			editable,
			chosen,
			seats: chosen ? found.seats.filter((s) => s.municipalityId === chosen.id) : [],
			rapporteurs: chosen ? found.rapporteurs.filter((s) => s.municipalityId === chosen.id) : [],
			people: chosen ? await register.linkablePeople(locals.db, locals.actor, chosen.id) : []
		};
	});

export const actions = {
	default: async ({ locals, request, params }) => {
		const values = await formValues(request);
		const input = seatsFromForm({ ...values, collaborationId: params.id });
		const saved = await runForm(() => register.setSeats(locals.db, locals.actor, input, locals.origin), values);
		if (isRefused(saved)) return saved;
		redirect(303, `/samenwerkingen/${params.id}?opgeslagen=1`);
	}
};
