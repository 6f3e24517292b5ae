import { error } from '@sveltejs/kit';
import * as decisions from '$lib/server/modules/decisions';

export const load = async ({ locals, params }) => {
	const overview = await decisions.municipalityOverview(locals.db, locals.actor, params.id);
	if (!overview) error(404);
	return { overview };
};
