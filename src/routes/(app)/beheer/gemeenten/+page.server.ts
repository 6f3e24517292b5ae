import * as municipalities from '$lib/server/modules/municipalities';
import { formFailure, formValues } from '$lib/server/http/form-failure';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';
import { guarded } from '$lib/server/http/page-guard';

export const load = ({ locals }) =>
	guarded(async () => ({ municipalities: await municipalities.listMunicipalitiesForAdmin(locals.db, locals.actor) }));

export const actions = {
	inhabitants: async ({ locals, request }) => {
		const values = await formValues(request);
		let change;
		try {
			change = await municipalities.updateInhabitants(locals.db, locals.actor, String(values.municipalityId ?? ''), values, locals.origin);
		} catch (err) {
			return formFailure(err, values);
		}
		const count = new Intl.NumberFormat(getLocale() === 'en' ? 'en-GB' : 'nl-NL').format(change.after);
		return { success: m.admin_saved_inhabitants({ municipality: change.name, count }) };
	}
};
