import { redirect } from '@sveltejs/kit';
import * as signIn from '$lib/server/modules/sign-in';
import { setSessionCookie } from '$lib/server/http/session-cookie';
import { setLocaleCookie } from '$lib/server/http/locale-cookie';
import { refusedSignInTarget, signInCallbackUri, takeSignInState } from '$lib/server/http/sign-in-redirects';

/** Where the municipality's provider sends the browser back: a session is made (or a step-up confirmed), or refused. */
export const GET = async (event) => {
	const { locals, url } = event;
	let outcome: signIn.SignInOutcome;
	try {
		outcome = await signIn.finishSignIn(locals.db, {
			callbackUrl: url,
			browserState: takeSignInState(event),
			redirectUri: signInCallbackUri(url),
			origin: locals.origin,
			session: locals.authSession,
			who: locals.actor
		});
	} catch (err) {
		if (!(err instanceof signIn.SignInRefused)) throw err;
		redirect(303, refusedSignInTarget(err));
	}
	if (outcome.kind === 'step_up') redirect(303, outcome.next);
	setSessionCookie(event, outcome.token, outcome.session.expiresAt);
	setLocaleCookie(event, outcome.locale);
	redirect(303, outcome.needsTwoFactor ? `/inloggen/tweestaps?naar=${encodeURIComponent(outcome.next)}` : outcome.next);
};
