import { createHash } from 'node:crypto';
import { json, type Handle, type RequestEvent } from '@sveltejs/kit';
import * as openData from '../modules/open-data';
import { apiFailure } from './api-failure';

/** The open data's paths: public, read-only, for any site (CORS), cached by anyone. */
export const isOpenDataPath = (path: string) => path === '/api/open' || path.startsWith('/api/open/');

const CORS = {
	'access-control-allow-origin': '*',
	'access-control-expose-headers': 'ETag, Link, Content-Disposition, Retry-After'
};

/**
 * CORS for the open data only (never for the signed-in API): every answer under /api/open, refusals
 * included, may be read by a page on any site, and a preflight (OPTIONS) is answered here for every such
 * path. No cookie is read or needed, so `*` is safe.
 */
export const openDataHandle: Handle = async ({ event, resolve }) => {
	if (!isOpenDataPath(event.url.pathname)) return resolve(event);
	if (event.request.method === 'OPTIONS') {
		return new Response(null, {
			status: 204,
			headers: {
				...CORS,
				allow: 'GET, HEAD, OPTIONS',
				'access-control-allow-methods': 'GET, HEAD, OPTIONS',
				'access-control-allow-headers': 'Accept, If-None-Match',
				'access-control-max-age': '86400'
			}
		});
	}
	const res = await resolve(event);
	for (const [name, value] of Object.entries(CORS)) res.headers.set(name, value);
	return res;
};

type Body = { json: unknown } | { text: string; type: string; filename?: string };

/**
 * One open-data answer: `ETag` from the public module's stamp (and the address, so each filter and page has
 * its own), `304` when the caller's `If-None-Match` names it, else the body, with `Cache-Control: public,
 * max-age=60` and the licence as a `Link` header. A refusal (404 for an id that is not public) is JSON.
 */
export async function openAnswer(event: Pick<RequestEvent, 'locals' | 'url' | 'request'>, render: () => Promise<Body>): Promise<Response> {
	try {
		const stamp = await openData.publicStamp(event.locals.db);
		const etag = `"${createHash('sha256').update(`${stamp}\n${event.url.pathname}\n${event.url.search}`).digest('base64url').slice(0, 32)}"`;
		const headers: Record<string, string> = { etag, 'cache-control': 'public, max-age=60', link: openData.licenceLinkHeader };
		if (matches(event.request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
		const body = await render();
		if ('json' in body) return json(body.json, { headers });
		if (body.filename) headers['content-disposition'] = `attachment; filename="${body.filename}"`;
		return new Response(body.text, { headers: { ...headers, 'content-type': body.type } });
	} catch (err) {
		return apiFailure(err);
	}
}

/** RFC 9110 §13.1.2: `*` or a list of tags (weak ones compared weakly). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	if (ifNoneMatch.trim() === '*') return true;
	return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
