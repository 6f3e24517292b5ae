import { redirect } from '@sveltejs/kit';
import * as signIn from '$lib/server/modules/sign-in';
import { safeRedirectTarget } from '$lib/server/http/redirect-target';
import { refusedSignInTarget, setSignInState, signInCallbackUri } from '$lib/server/http/sign-in-redirects';

/**
 * Starts a sign-in at a municipality's provider (`?naar=` where to go afterwards), or with `?doel=bevestigen` a
 * step-up of the current session (a fresh login there confirms the second factor for a sign-off).
 */
export const GET = async (event) => {
	const { locals, url, params } = event;
	const purpose = url.searchParams.get('doel') === 'bevestigen' ? 'step_up' : 'login';
	const next = safeRedirectTarget(url.searchParams.get('naar'), url);
	let target: string;
	try {
		const start = await signIn.beginSignIn(locals.db, params.provider, {
			purpose,
			next,
			redirectUri: signInCallbackUri(url),
			origin: locals.origin,
			session: locals.authSession,
			who: locals.actor
		});
		setSignInState(event, start.state);
		target = start.url;
	} catch (err) {
		if (!(err instanceof signIn.SignInRefused)) throw err;
		target = refusedSignInTarget(err, next);
	}
	redirect(303, target);
};
