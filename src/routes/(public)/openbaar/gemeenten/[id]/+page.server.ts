import { error } from '@sveltejs/kit';
import * as publicSite from '$lib/server/modules/public';
import { municipalityIds, type MunicipalityId } from '$lib/roles';
import { m } from '$lib/paraglide/messages.js';
import { publicReader } from '../../../public-read.server';

/** One municipality: the public items it takes part in and its college's and council's decisions. */
export const load = async ({ locals, params, parent }) => {
	if (!(municipalityIds as readonly string[]).includes(params.id)) error(404, m.public_not_found_text());
	const municipalityId = params.id as MunicipalityId;
	const filter = publicSite.publicFilterFrom(new URLSearchParams({ gemeente: municipalityId }));
	const read = await publicReader(locals);
	const [list, decisions, { region }] = await Promise.all([
		read(`items:${JSON.stringify(filter)}`, (q) => publicSite.listPublicItems(q, filter)),
		read(`decisions:municipality:${municipalityId}`, (q) => publicSite.listPublicDecisions(q, 200, { municipalityId })),
		parent()
	]);
	const municipality = region.municipalities.find((mu) => mu.id === municipalityId);
	if (!municipality) error(404, m.public_not_found_text());
	return { municipality, items: list.items, decisions };
};
