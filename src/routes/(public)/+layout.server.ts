import * as publicSite from '$lib/server/modules/public';
import { getLocale } from '$lib/paraglide/runtime';
import { publicReader } from './public-read.server';

/** The public site works without JavaScript: server-rendered pages, plain links and GET forms, nothing to hydrate. */
export const csr = false;

export const load = async ({ locals }) => {
	const read = await publicReader(locals);
	return { region: await read('region', publicSite.publicRegion), locale: getLocale() };
};
