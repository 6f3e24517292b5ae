import { redirect } from '@sveltejs/kit';
import * as signIn from '$lib/server/modules/sign-in';
import { formValues, isRefused, runForm } from '$lib/server/http/form-failure';
import { guarded } from '$lib/server/http/page-guard';
import { m } from '$lib/paraglide/messages.js';

export const load = ({ locals, params }) => guarded(async () => ({ provider: await signIn.getSignInProvider(locals.db, locals.actor, params.id) }));

export const actions = {
	update: async ({ locals, request, params }) => {
		const values = await formValues(request);
		const { clientSecret: _secret, ...shown } = values;
		const saved = await runForm(() => signIn.updateSignInProvider(locals.db, locals.actor, params.id, values, locals.origin), shown);
		if (isRefused(saved)) return saved;
		return { success: m.signin_admin_saved_updated() };
	},
	test: async ({ locals, params }) => {
		const tested = await runForm(() => signIn.testSignInProvider(locals.db, locals.actor, params.id));
		if (isRefused(tested)) return tested;
		return { success: m.signin_admin_test_ok({ issuer: tested.issuer }) };
	},
	remove: async ({ locals, params }) => {
		const removed = await runForm(() => signIn.removeSignInProvider(locals.db, locals.actor, params.id, locals.origin));
		if (isRefused(removed)) return removed;
		redirect(303, '/beheer/inlogdiensten?melding=verwijderd');
	}
};
