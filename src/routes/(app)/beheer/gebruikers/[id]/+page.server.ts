import * as users from '$lib/server/modules/users';
import { smtpConfigured } from '$lib/server/modules/mail';
import { formValues, runForm } from '$lib/server/http/form-failure';
import { m } from '$lib/paraglide/messages.js';
import { guarded } from '$lib/server/http/page-guard';
import type { Actions, RequestEvent } from './$types';

export const load = ({ locals, params }) =>
	guarded(async () => ({
		user: await users.getUser(locals.db, locals.actor, params.id),
		municipalities: await users.grantableMunicipalities(locals.db, locals.actor),
		self: locals.actor?.userId === params.id,
		smtp: smtpConfigured()
	}));

type Confirmable = 'disable' | 'resetTwoFactor' | 'unlink';

/**
 * Each form on the page: one domain call, a Dutch confirmation on success, the form's failure otherwise.
 * A far-reaching action first answers `confirm` and runs only when sent again with `bevestigd=ja`,
 * so the confirmation step works without JavaScript too.
 */
async function run(event: RequestEvent, call: (values: Record<string, unknown>) => Promise<unknown>, success: () => string, confirm?: Confirmable) {
	const values = await formValues(event.request);
	// Which link is meant travels with the confirmation (the only confirmable action about one of several things).
	if (confirm && values.bevestigd !== 'ja') return { confirm, link: typeof values.koppeling === 'string' ? values.koppeling : null };
	return runForm(async () => {
		await call(values);
		return { success: success() };
	}, values);
}

export const actions = {
	profile: (e) => run(e, (v) => users.updateUser(e.locals.db, e.locals.actor, e.params.id, v, e.locals.origin), m.admin_saved_profile),
	roles: (e) => run(e, (v) => users.setRoles(e.locals.db, e.locals.actor, e.params.id, v, e.locals.origin), m.admin_saved_roles),
	resend: (e) =>
		run(
			e,
			() => users.resendInvitation(e.locals.db, e.locals.actor, e.params.id, e.locals.origin, e.url.origin),
			() => (smtpConfigured() ? m.admin_saved_invitation_resent() : m.admin_saved_invitation_resent_held())
		),
	disable: (e) => run(e, () => users.disableUser(e.locals.db, e.locals.actor, e.params.id, e.locals.origin), m.admin_saved_disabled, 'disable'),
	enable: (e) => run(e, () => users.enableUser(e.locals.db, e.locals.actor, e.params.id, e.locals.origin), m.admin_saved_enabled),
	resetTwoFactor: (e) =>
		run(e, () => users.resetTwoFactor(e.locals.db, e.locals.actor, e.params.id, e.locals.origin), m.admin_saved_two_factor_reset, 'resetTwoFactor'),
	unlink: (e) => run(e, (v) => users.unlinkSignIn(e.locals.db, e.locals.actor, e.params.id, v, e.locals.origin), m.signin_unlink_saved, 'unlink')
} satisfies Actions;
