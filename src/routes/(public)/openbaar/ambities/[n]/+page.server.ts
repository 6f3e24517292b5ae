import { error } from '@sveltejs/kit';
import * as publicSite from '$lib/server/modules/public';
import { m } from '$lib/paraglide/messages.js';
import { publicReader } from '../../../public-read.server';

/** One ambition (1–7): its public items and the decisions on them. */
export const load = async ({ locals, params, parent }) => {
	if (!/^[1-7]$/.test(params.n)) error(404, m.public_not_found_text());
	const ambitionId = Number(params.n);
	const filter = publicSite.publicFilterFrom(new URLSearchParams({ ambitie: params.n }));
	const read = await publicReader(locals);
	const [list, decisions, { region }] = await Promise.all([
		read(`items:${JSON.stringify(filter)}`, (q) => publicSite.listPublicItems(q, filter)),
		read(`decisions:ambition:${ambitionId}`, (q) => publicSite.listPublicDecisions(q, 200, { ambitionId })),
		parent()
	]);
	const ambition = region.ambitions.find((a) => a.id === ambitionId);
	if (!ambition) error(404, m.public_not_found_text());
	return { ambition, items: list.items, decisions };
};
