import { setLocaleCookie } from '$lib/server/http/locale-cookie';
import { error, redirect } from '@sveltejs/kit';
import { accountOverview, changeLocale, changeName, changePassword, endOtherSession } from '$lib/server/modules/account';
import { notificationSettings, setNotificationPreferences } from '$lib/server/modules/notifications';
import { disableTwoFactor } from '$lib/server/auth/two-factor-disable';
import { regenerateRecoveryCodes } from '$lib/server/auth/regenerate-recovery-codes';
import { formValues, runForm } from '$lib/server/http/form-failure';
import * as register from '$lib/server/modules/register';
import type { RequestEvent } from './$types';

/** The signed-in person, or 401 (the guard has already sent anonymous visitors to the login page). */
function signedIn(locals: App.Locals) {
	if (!locals.actor || !locals.authSession) error(401);
	return { actor: locals.actor, sessionId: locals.authSession.id, db: locals.db, origin: locals.origin };
}

/**
 * Runs one form of the page; `section` tells the page which form answered, so feedback lands next to it.
 * Password fields are never sent back.
 */
async function run(event: RequestEvent, section: string, action: (values: Record<string, unknown>) => Promise<object | void>) {
	const values = await formValues(event.request);
	const kept = section === 'name' || section === 'locale' ? values : {};
	return runForm(async () => ({ section, saved: true, ...(await action(values)) }), { ...kept, section }, { section });
}

export const load = async ({ locals, setHeaders, url }) => {
	const { actor, sessionId, db } = signedIn(locals);
	setHeaders({ 'cache-control': 'no-store' });
	const [account, notifications, hats] = await Promise.all([
		accountOverview(db, actor, sessionId),
		notificationSettings(db, actor),
		register.doubleHatsOf(db, actor, [actor.userId])
	]);
	return { account, notifications, doubleHats: hats[actor.userId] ?? [], localeSaved: url.searchParams.get('opgeslagen') === 'taal' };
};

export const actions = {
	name: (event) =>
		run(event, 'name', async (values) => {
			const { actor, db, origin } = signedIn(event.locals);
			await changeName(db, actor, values, origin);
		}),
	password: (event) =>
		run(event, 'password', async (values) => {
			const { actor, sessionId, db, origin } = signedIn(event.locals);
			await changePassword(db, actor, sessionId, values, origin);
		}),
	// A full page load afterwards: this very response was already rendered in the old language.
	locale: async (event) => {
		const result = await run(event, 'locale', async (values) => {
			const { actor, db, origin } = signedIn(event.locals);
			const locale = await changeLocale(db, actor, values, origin);
			setLocaleCookie(event, locale);
		});
		if ('saved' in result) redirect(303, '/account?opgeslagen=taal#taal');
		return result;
	},
	notifications: (event) =>
		run(event, 'notifications', async (values) => {
			const { actor, db, origin } = signedIn(event.locals);
			await setNotificationPreferences(db, actor, values, origin);
		}),
	recoveryCodes: (event) =>
		run(event, 'recoveryCodes', async (values) => {
			const { actor, sessionId, db, origin } = signedIn(event.locals);
			return { recoveryCodes: await regenerateRecoveryCodes(db, actor, sessionId, values, origin) };
		}),
	disableTwoFactor: (event) =>
		run(event, 'disableTwoFactor', async (values) => {
			const { actor, sessionId, db, origin } = signedIn(event.locals);
			await disableTwoFactor(db, actor, sessionId, values, origin);
		}),
	endSession: (event) =>
		run(event, 'endSession', async (values) => {
			const { actor, sessionId, db, origin } = signedIn(event.locals);
			await endOtherSession(db, actor, sessionId, values, origin);
		})
};
