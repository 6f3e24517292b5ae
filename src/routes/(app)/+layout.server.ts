import { can } from '$lib/server/permissions';
import { getLocale } from '$lib/paraglide/runtime';

export const load = ({ locals }) => ({
	user: locals.user ? { id: locals.user.id, name: locals.user.name } : null,
	nav: { admin: can(locals.actor, 'users.manage') || can(locals.actor, 'audit.read') },
	locale: getLocale()
});
