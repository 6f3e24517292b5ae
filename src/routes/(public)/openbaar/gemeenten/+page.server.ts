import * as publicSite from '$lib/server/modules/public';
import { publicReader } from '../../public-read.server';

export const load = async ({ locals }) => {
	const read = await publicReader(locals);
	const none = publicSite.publicFilterFrom(new URLSearchParams());
	const list = await read(`items:${JSON.stringify(none)}`, (q) => publicSite.listPublicItems(q, none));
	const counts: Record<string, number> = {};
	for (const i of list.items) for (const p of i.participants) counts[p] = (counts[p] ?? 0) + 1;
	return { counts };
};
