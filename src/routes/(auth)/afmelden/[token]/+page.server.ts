import { error } from '@sveltejs/kit';
import { kindAbout, unsubscribe, unsubscribeTarget } from '$lib/server/modules/notifications';
import { DomainError } from '$lib/server/errors';
import { getLocale } from '$lib/paraglide/runtime';
import { t } from '$lib/server/i18n';

/**
 * The unsubscribe link of every notification mail. Opening it (GET) only asks: mail scanners follow links.
 * The button, or a mail client's one-click POST (RFC 8058, body `List-Unsubscribe=One-Click`, often without
 * an Origin header: the security handle lets POSTs to this page through), turns the mail off. The token is
 * the proof of who it is for; a tampered one gets a clear message and status 400, and nothing is stored.
 */
async function refusingBadLinks<T>(run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (err) {
		if (err instanceof DomainError) error(err.status, t(err.key, err.params));
		throw err;
	}
}

export const load = async ({ params, locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const { scope } = await refusingBadLinks(() => unsubscribeTarget(locals.db, params.token));
	return { about: kindAbout(scope, getLocale()) };
};

export const actions = {
	default: async ({ params, locals }) => {
		const { scope } = await refusingBadLinks(() => unsubscribe(locals.db, params.token, locals.origin));
		return { done: true as const, about: kindAbout(scope, getLocale()) };
	}
};
