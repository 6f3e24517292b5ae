import { redirect } from '@sveltejs/kit';
import * as comments from '$lib/server/modules/comments';
import * as region from '$lib/server/modules/region';

export const load = async ({ locals }) => {
	if (!locals.actor) redirect(303, '/inloggen');
	return {
		notifications: await comments.listNotifications(locals.db, locals.actor),
		municipalities: await region.listMunicipalities(locals.db, locals.actor)
	};
};

export const actions = {
	gelezen: async ({ locals }) => {
		await comments.markNotificationsRead(locals.db, locals.actor);
		return { read: true };
	}
};
