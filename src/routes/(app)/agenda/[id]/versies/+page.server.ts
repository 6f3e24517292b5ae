import { error, redirect } from '@sveltejs/kit';
import * as agenda from '$lib/server/modules/agenda-items';
import * as decisions from '$lib/server/modules/decisions';
import * as region from '$lib/server/modules/region';
import { DomainError } from '$lib/server/errors';
import { t } from '$lib/server/i18n';

/** `met=huidig`: a version next to the item as it is now (what changed since a college signed it). */
const CURRENT = 'huidig';

export const load = async ({ locals, params, url }) => {
	const from = Number(url.searchParams.get('van'));
	const current = url.searchParams.get('met') === CURRENT;
	const to = current ? from : Number(url.searchParams.get('met'));
	if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < 1) redirect(303, `/agenda/${params.id}#kop-versies`);
	try {
		const item = await agenda.getItem(locals.db, locals.actor, params.id);
		const compared = current
			? await currentComparison(locals, params.id, from)
			: { ...(await agenda.compareVersions(locals.db, locals.actor, params.id, from, to)), current: null };
		return {
			item: { id: item.item.id, title: item.item.title },
			...compared,
			ambitions: await region.listAmbitions(locals.db, locals.actor),
			municipalities: await region.listMunicipalities(locals.db, locals.actor),
			people: [...(await agenda.listPeopleNames(locals.db, locals.actor, params.id, from, to)), ...(current ? item.people : [])]
		};
	} catch (err) {
		if (err instanceof DomainError && err.status === 404) error(404, t(err.key));
		throw err;
	}
};

/** The page's shape for a version against now: `to` is the version itself (for names), `current` says it is now. */
async function currentComparison(locals: App.Locals, itemId: string, from: number) {
	const c = await decisions.compareWithCurrent(locals.db, locals.actor, itemId, from);
	return {
		from: c.from,
		to: { ...c.from, content: c.current.content },
		diff: c.diff,
		current: { signedHash: c.current.signedHash, same: c.sameSignedContent }
	};
}
