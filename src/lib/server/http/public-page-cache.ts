import { createHash } from 'node:crypto';
import type { Handle } from '@sveltejs/kit';
import { version } from '$app/environment';
import { getLocale } from '../../paraglide/runtime.js';
import { publicStamp } from '../modules/public';

/** The pages of the public site: the same for everyone, so a proxy or browser may keep them. */
const publicPagePrefixes = ['/openbaar', '/toegankelijkheid', '/privacy'];

export const isPublicPage = (path: string) => publicPagePrefixes.some((p) => path === p || path.startsWith(p + '/'));

const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';
/** The language comes from paraglide's cookie (its only strategy besides the default): the page varies with it. */
const PUBLIC_VARY = 'Cookie';

/** One tag for everything the public sees at this stamp, in this language, from this build. */
function publicEtag(stamp: string, locale: string): string {
	return `"p-${createHash('sha256').update(`${version}\n${stamp}\n${locale}`).digest('base64url').slice(0, 27)}"`;
}

/**
 * The rendered pages of the current stamp, per language and address: a public page holds nothing personal and,
 * rendered without JavaScript, no nonce, so the same bytes serve every visitor until the stamp changes. Bounded
 * in bytes (odd addresses, every search term, cannot grow it past that); the oldest page goes first.
 */
const MAX_CACHED_BYTES = 32 * 1024 * 1024;
interface RenderedPage {
	body: ArrayBuffer;
	headers: [string, string][];
}
let rendered: { stamp: string; pages: Map<string, RenderedPage>; bytes: number } = { stamp: '', pages: new Map(), bytes: 0 };

function remember(stamp: string, key: string, page: RenderedPage): void {
	if (rendered.stamp !== stamp) rendered = { stamp, pages: new Map(), bytes: 0 };
	if (page.body.byteLength > MAX_CACHED_BYTES / 4) return;
	while (rendered.bytes + page.body.byteLength > MAX_CACHED_BYTES && rendered.pages.size) {
		const [oldest, old] = rendered.pages.entries().next().value as [string, RenderedPage];
		rendered.pages.delete(oldest);
		rendered.bytes -= old.body.byteLength;
	}
	rendered.pages.set(key, page);
	rendered.bytes += page.body.byteLength;
}

const recalled = (stamp: string, key: string) => (rendered.stamp === stamp ? rendered.pages.get(key) : undefined);

function matches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*');
}

/**
 * Caching of the public pages: one cheap statement (the stamp) decides whether what the visitor holds is
 * still current (`304`, nothing rendered), else the page is sent as rendered before at this stamp, or rendered
 * from the read models' cache, with `Cache-Control`, `ETag` and `Vary`. The stamp is passed on in `locals`, so the page reads it only once.
 * A public page never sets a cookie (the auth handle does not slide a session on it), so it is never personal.
 */
export const publicPageCacheHandle: Handle = async ({ event, resolve }) => {
	const method = event.request.method;
	if ((method !== 'GET' && method !== 'HEAD') || !isPublicPage(event.url.pathname)) return resolve(event);
	const stamp = await publicStamp(event.locals.db);
	event.locals.publicStamp = stamp;
	const etag = publicEtag(stamp, getLocale());
	const headers = { 'cache-control': PUBLIC_CACHE_CONTROL, etag, vary: PUBLIC_VARY };
	if (matches(event.request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
	const key = `${etag}\n${event.url.pathname}${event.url.search}`;
	const kept = method === 'GET' ? recalled(stamp, key) : undefined;
	if (kept) return new Response(kept.body, { status: 200, headers: kept.headers });
	const response = await resolve(event);
	if (response.status !== 200 || response.headers.has('set-cookie')) {
		response.headers.set('cache-control', 'no-store');
		return response;
	}
	for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
	// Only a page without a nonce may be served twice (a nonce is good for one response).
	const html = (response.headers.get('content-type') ?? '').startsWith('text/html');
	if (method !== 'GET' || !html || (response.headers.get('content-security-policy') ?? '').includes("'nonce-")) return response;
	const body = await response.arrayBuffer();
	const page = { body, headers: [...response.headers] };
	remember(stamp, key, page);
	return new Response(body, { status: 200, headers: page.headers });
};
