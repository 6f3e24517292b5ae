import { error } from '@sveltejs/kit';
import * as publicSite from '$lib/server/modules/public';
import { DomainError } from '$lib/server/errors';
import type { Queryable } from '$lib/server/db';
import { m } from '$lib/paraglide/messages.js';

/**
 * Reads the public read models through their cache, under the stamp the page cache handle read for this
 * request (so a page costs that one statement when its data is cached).
 */
export async function publicReader(locals: App.Locals) {
	const stamp = locals.publicStamp ?? (await publicSite.publicStamp(locals.db));
	return <T>(key: string, load: (q: Queryable) => Promise<T>) => publicSite.cachedPublicRead(locals.db, stamp, key, load);
}

/** Unknown and not public are one answer, a 404 that says nothing more. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
	try {
		return await read;
	} catch (e) {
		if (e instanceof DomainError && e.status === 404) error(404, m.public_not_found_text());
		throw e;
	}
}
