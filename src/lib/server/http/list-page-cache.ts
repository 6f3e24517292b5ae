import { randomBytes } from 'node:crypto';
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { getLocale } from '../../paraglide/runtime.js';
import { SESSION_COOKIE } from '../auth/authenticate';
import { VersionCache } from '../db/version-cache';

/**
 * The overview and list pages of a signed-in person, rendered once per data version.
 *
 * Rendering a list of 500 items took some 40 ms of the server's time; a person (or a meeting room full of people)
 * opening the same list again while nothing has changed gets the same page. The key is the session, the language,
 * the exact request and the data version read with the session (`db/data-version.ts`): every committed change
 * the pages can show, on any app node, raises it, so a page is never served after a change it could show (an item,
 * a position, a read comment, a changed role), while people typing in an item's text do not render it again. Only pages that read nothing but the database and the clock are
 * listed; what they show of the clock ("overdue", the current year) may be a minute old at most.
 *
 * A page carries a nonce for its scripts (the Content-Security-Policy), good for one response: it is kept with a
 * placeholder, and every response gets a new one. The same page asked for at once is rendered once.
 */
const listPages = new Set([
	'/(app)',
	'/(app)/agenda',
	'/(app)/standpunten',
	'/(app)/gemeenten',
	'/(app)/gemeenten/[id]',
	'/(app)/inventarisatie',
	'/(app)/sessies',
	'/(app)/samenwerkingen',
	// The same question asked again (paging between kinds, back, a shared link opened in a meeting): the search's own
	// answers are kept per data version too (modules/search/answers.ts); this spares the page around them.
	'/(app)/zoeken'
]);

const MAX_BYTES = 32 * 1024 * 1024;
const MAX_AGE_MS = 60_000;

interface KeptPage {
	/** The body split where the nonce was, joined with a new one for each response (blobs: joined without copying). */
	parts: Blob[];
	headers: [string, string][];
	nonce: string | null;
	bytes: number;
}

// A page still being rendered counts as small; once rendered it is stored again with its real size.
const pages = new VersionCache<Promise<KeptPage | null>>({ maxSize: MAX_BYTES, ttl: MAX_AGE_MS });

/** Where this request's page is kept, or null when it is not one to keep. */
function placeOf(event: RequestEvent): { dataVersion: string; key: string } | null {
	const { dataVersion, authSession, authStage } = event.locals;
	if (event.request.method !== 'GET' || !dataVersion || !authSession || authStage !== 'ok') return null;
	if (!event.route.id || !listPages.has(event.route.id)) return null;
	// The raw address: a data request's own suffix and its list of what to reload are part of what it answers.
	return { dataVersion, key: JSON.stringify([authSession.id, getLocale(), event.request.url]) };
}

const nonceOf = (csp: string | null) => csp?.match(/'nonce-([^']+)'/)?.[1] ?? null;

/**
 * What to keep of a rendered page: a complete page whose only cookie is the session's. That cookie's value and
 * expiry come from the session as read at this dataVersion, so it is the same for every request the page serves.
 */
async function keep(response: Response): Promise<KeptPage | null> {
	if (response.status !== 200 || response.headers.getSetCookie().some((cookie) => !cookie.startsWith(`${SESSION_COOKIE}=`))) return null;
	const body = await response.text();
	// The tag named the first response's bytes (its nonce); a length is set per response.
	const headers = [...response.headers].filter(([name]) => name !== 'etag' && name !== 'content-length');
	const nonce = nonceOf(response.headers.get('content-security-policy'));
	const parts = (nonce ? body.split(nonce) : [body]).map((part) => new Blob([part]));
	return { parts, headers, nonce, bytes: parts.reduce((sum, part) => sum + part.size, 0) };
}

function replay(page: KeptPage): Response {
	const nonce = page.nonce && randomBytes(16).toString('base64');
	const fresh = (value: string) => (nonce && page.nonce ? value.split(page.nonce).join(nonce) : value);
	const headers = new Headers(page.headers.map(([name, value]): [string, string] => [name, fresh(value)]));
	const body = new Blob(nonce ? page.parts.flatMap((part, i) => (i ? [nonce, part] : [part])) : page.parts);
	headers.set('content-length', String(body.size));
	return new Response(body, { status: 200, headers });
}

export const listPageCacheHandle: Handle = async ({ event, resolve }) => {
	const place = placeOf(event);
	if (!place) return resolve(event);
	const { dataVersion, key } = place;
	// Looked up and claimed without waiting in between, so the same page asked for at once is rendered once.
	const known = pages.get(dataVersion, key);
	const page = known && (await known);
	if (page) return replay(page);
	const response = Promise.resolve(resolve(event));
	const kept = response.then((r) => keep(r.clone())).catch(() => null);
	pages.set(dataVersion, key, kept);
	void kept.then((page) => (page ? pages.set(dataVersion, key, Promise.resolve(page), page.bytes) : pages.delete(dataVersion, key)));
	return response;
};
