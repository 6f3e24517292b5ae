import { error } from '@sveltejs/kit';
import * as meetings from '$lib/server/modules/meetings';
import * as region from '$lib/server/modules/region';
import { ForbiddenError } from '$lib/server/permissions';
import { t } from '$lib/server/i18n';

/** What both planning forms need: the items and people to choose from, the ambitions and municipalities. */
export async function planFormData(locals: App.Locals) {
	try {
		const [options, ambitions, municipalities] = await Promise.all([
			meetings.planOptions(locals.db, locals.actor),
			region.listAmbitions(locals.db, locals.actor),
			region.listMunicipalities(locals.db, locals.actor)
		]);
		return {
			options,
			ambitions: ambitions.map((a) => ({ id: a.id, shortTitle: a.shortTitle })),
			municipalities: municipalities.map((mu) => ({ id: mu.id, name: mu.name }))
		};
	} catch (err) {
		if (err instanceof ForbiddenError) error(403, t('meetings_plan_forbidden'));
		throw err;
	}
}
