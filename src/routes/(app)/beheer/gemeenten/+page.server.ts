import * as municipalities from '$lib/server/modules/municipalities';
import { formValues, isRefused, runForm } from '$lib/server/http/form-failure';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';
import { guarded } from '$lib/server/http/page-guard';

export const load = ({ locals }) => guarded(async () => ({ municipalities: await municipalities.listMunicipalitiesForAdmin(locals.db, locals.actor) }));

export const actions = {
	inhabitants: async ({ locals, request }) => {
		const values = await formValues(request);
		const change = await runForm(
			() => municipalities.updateInhabitants(locals.db, locals.actor, String(values.municipalityId ?? ''), values, locals.origin),
			values
		);
		if (isRefused(change)) return change;
		const count = new Intl.NumberFormat(getLocale() === 'en' ? 'en-GB' : 'nl-NL').format(change.after);
		return { success: m.admin_saved_inhabitants({ municipality: change.name, count }) };
	}
};
