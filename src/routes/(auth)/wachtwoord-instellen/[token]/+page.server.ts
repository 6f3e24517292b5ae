import { setLocaleCookie } from '$lib/server/http/locale-cookie';
import { redirect } from '@sveltejs/kit';
import { DomainError } from '$lib/server/errors';
import { findSetPasswordLink, setPasswordFromLink } from '$lib/server/auth/set-password';
import { formValues, isRefused, runForm } from '$lib/server/http/form-failure';
import { setSessionCookie } from '$lib/server/http/session-cookie';
import { t } from '$lib/server/i18n';

/** Invitation and reset links alike: the form when the link works, otherwise a page that says why not. */
export const load = async ({ locals, params, setHeaders }) => {
	// The token is in the URL: keep the page out of every cache.
	setHeaders({ 'cache-control': 'no-store' });
	try {
		return { link: await findSetPasswordLink(locals.db, params.token), problem: null };
	} catch (err) {
		if (err instanceof DomainError) return { link: null, problem: t(err.key, err.params) };
		throw err;
	}
};

export const actions = {
	default: async (event) => {
		const { locals, params } = event;
		const values = await formValues(event.request);
		const result = await runForm(() => setPasswordFromLink(locals.db, params.token, values, locals.origin));
		if (isRefused(result)) return result;
		setSessionCookie(event, result.token, result.session.expiresAt);
		setLocaleCookie(event, result.locale);
		// The guard sends those who still owe a second factor (or its set-up) onwards from here.
		redirect(303, '/');
	}
};
