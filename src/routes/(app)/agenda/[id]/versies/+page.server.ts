import { error, redirect } from '@sveltejs/kit';
import * as agenda from '$lib/server/modules/agenda-items';
import * as region from '$lib/server/modules/region/queries';
import { DomainError } from '$lib/server/errors';
import { t } from '$lib/i18n';

export const load = async ({ locals, params, url }) => {
	const from = Number(url.searchParams.get('van'));
	const to = Number(url.searchParams.get('met'));
	if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < 1) redirect(303, `/agenda/${params.id}#kop-versies`);
	try {
		const item = await agenda.getItem(locals.db, locals.actor, params.id);
		return {
			item: { id: item.item.id, title: item.item.title },
			...(await agenda.compareVersions(locals.db, locals.actor, params.id, from, to)),
			ambitions: await region.listAmbitions(locals.db, locals.actor),
			municipalities: await region.listMunicipalities(locals.db, locals.actor),
			people: await agenda.listPeopleNames(locals.db, locals.actor, params.id, from, to)
		};
	} catch (err) {
		if (err instanceof DomainError && err.status === 404) error(404, t(err.key));
		throw err;
	}
};
