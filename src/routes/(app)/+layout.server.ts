import { can } from '$lib/server/permissions';
import * as comments from '$lib/server/modules/comments';
import * as myWork from '$lib/server/modules/my-work';
import { getLocale } from '$lib/paraglide/runtime';

export const load = async ({ locals }) => ({
	// Only a complete login connects live; a login that owes its second factor stays on its set-up page.
	live: locals.authStage === 'ok',
	user: locals.user ? { id: locals.user.id, name: locals.user.name } : null,
	unreadNotifications: await comments.unreadNotificationCount(locals.db, locals.actor),
	waiting: locals.actor ? await myWork.myWorkCount(locals.db, locals.actor) : 0,
	nav: {
		admin: can(locals.actor, 'users.manage') || can(locals.actor, 'audit.read'),
		interviews: can(locals.actor, 'interview.read'),
		meetings: can(locals.actor, 'meeting.read'),
		register: can(locals.actor, 'register.read')
	},
	locale: getLocale()
});
