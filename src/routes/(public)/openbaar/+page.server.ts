import * as publicSite from '$lib/server/modules/public';
import { publicReader } from '../public-read.server';

/** The uitvoeringsagenda as adopted, filtered by the address (unknown values are ignored: the module's rule). */
export const load = async ({ locals, url }) => {
	const filter = publicSite.publicFilterFrom(url.searchParams);
	const read = await publicReader(locals);
	const list = await read(`items:${JSON.stringify(filter)}`, (q) => publicSite.listPublicItems(q, filter));
	return { filter, list, filtered: Object.values(filter).some((v) => v !== null) };
};
