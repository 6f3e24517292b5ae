import * as signIn from '$lib/server/modules/sign-in';
import * as users from '$lib/server/modules/users';
import { formValues, isRefused, runForm } from '$lib/server/http/form-failure';
import { guarded } from '$lib/server/http/page-guard';
import { signInCallbackUri } from '$lib/server/http/sign-in-redirects';
import { m } from '$lib/paraglide/messages.js';

export const load = ({ locals, url }) =>
	guarded(async () => ({
		providers: await signIn.listSignInProviders(locals.db, locals.actor),
		municipalities: await users.grantableMunicipalities(locals.db, locals.actor),
		redirectUri: signInCallbackUri(url),
		removed: url.searchParams.get('melding') === 'verwijderd'
	}));

export const actions = {
	add: async ({ locals, request }) => {
		const values = await formValues(request);
		const { clientSecret: _secret, ...shown } = values;
		const added = await runForm(() => signIn.addSignInProvider(locals.db, locals.actor, values, locals.origin), shown);
		if (isRefused(added)) return added;
		return { success: m.signin_admin_saved_added() };
	}
};
