import { json, type Handle } from '@sveltejs/kit';
import { readConfig } from '../config';
import { m } from '../../paraglide/messages.js';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const production = readConfig().production;

/**
 * Refuses cross-site writes of every kind: SvelteKit's own origin check covers form posts only,
 * not JSON bodies. A write must name this origin in Origin (or be same-origin per Sec-Fetch-Site).
 */
export function isCrossSiteWrite(request: Request, url: URL): boolean {
	if (!unsafeMethods.has(request.method)) return false;
	const origin = request.headers.get('origin');
	if (origin) return origin !== url.origin;
	const site = request.headers.get('sec-fetch-site');
	return site !== null && site !== 'same-origin' && site !== 'none';
}

export const securityHandle: Handle = async ({ event, resolve }) => {
	if (isCrossSiteWrite(event.request, event.url)) {
		return json({ message: m.http_cross_site_refused() }, { status: 403 });
	}
	const response = await resolve(event);
	const h = response.headers;
	h.set('x-content-type-options', 'nosniff');
	h.set('referrer-policy', 'strict-origin-when-cross-origin');
	h.set('x-frame-options', 'DENY');
	h.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	h.set('cross-origin-opener-policy', 'same-origin');
	if (production) h.set('strict-transport-security', 'max-age=63072000; includeSubDomains');
	return response;
};
