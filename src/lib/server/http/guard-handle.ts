import { m } from '../../paraglide/messages.js';
import { redirect, type Handle } from '@sveltejs/kit';
import { apiError, isApiPath } from './api-errors-handle';

/** Pages anyone may open: signing in, and the public site with its open data, statements and API contract. */
const publicPrefixes = [
	'/inloggen',
	'/wachtwoord-vergeten',
	'/wachtwoord-instellen',
	'/healthz',
	'/taal',
	'/afmelden',
	'/openbaar',
	'/toegankelijkheid',
	'/privacy',
	'/api/open',
	'/api/openapi.json'
];
/** Pages open to someone who still owes a second factor. */
const twoFactorPrefixes = ['/inloggen/tweestaps', '/uitloggen', '/taal'];
const setupPrefixes = ['/account/tweestaps-instellen', '/uitloggen', '/taal'];

const under = (path: string, prefixes: string[]) => prefixes.some((p) => path === p || path.startsWith(p + '/'));

/** Sends everyone to the step they owe: log in, give the second factor, or set it up. */
export const guardHandle: Handle = async ({ event, resolve }) => {
	const path = event.url.pathname;
	if (path.startsWith('/_app/') || (under(path, publicPrefixes) && !path.startsWith('/inloggen/tweestaps'))) {
		return resolve(event);
	}
	const stage = event.locals.authStage;
	const api = isApiPath(path);
	if (!stage) {
		if (api) return apiError(401, 'not_logged_in', m.http_not_logged_in());
		redirect(303, `/inloggen?naar=${encodeURIComponent(path + event.url.search)}`);
	}
	if (stage === 'two_factor' && !under(path, twoFactorPrefixes)) {
		if (api) return apiError(401, 'two_factor_required', m.http_two_factor_required());
		redirect(303, '/inloggen/tweestaps');
	}
	if (stage === 'two_factor_setup' && !under(path, setupPrefixes)) {
		if (api) return apiError(401, 'two_factor_setup_required', m.api_two_factor_setup_required());
		redirect(303, '/account/tweestaps-instellen');
	}
	return resolve(event);
};
