import { redirect } from '@sveltejs/kit';
import * as users from '$lib/server/modules/users';
import { formValues, isRefused, runForm } from '$lib/server/http/form-failure';
import { guarded } from '$lib/server/http/page-guard';

export const load = ({ locals }) => guarded(async () => ({ municipalities: await users.grantableMunicipalities(locals.db, locals.actor) }));

export const actions = {
	default: async ({ locals, request, url }) => {
		const values = await formValues(request);
		const invited = await runForm(() => users.inviteUser(locals.db, locals.actor, values, locals.origin, url.origin), values);
		if (isRefused(invited)) return invited;
		redirect(303, `/beheer/gebruikers/${invited.userId}?melding=uitgenodigd`);
	}
};
