import { json, type Handle } from '@sveltejs/kit';
import { readConfig } from '../config';
import { m } from '../../paraglide/messages.js';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const production = readConfig().production;
/** The bodies a cross-site HTML form can send (SvelteKit's list, its own enhanced form data included). */
const formTypes = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain', 'application/x-sveltekit-formdata']);

const isFormBody = (request: Request) => formTypes.has((request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase());

/**
 * The one write that may come from anywhere: the one-click unsubscribe of a mail (RFC 8058). Mail clients
 * POST it from their own servers, without an Origin header; the token in the address is its only proof, and
 * the page uses no login.
 */
export function isOneClickUnsubscribe(request: Request, url: URL): boolean {
	return request.method === 'POST' && /^\/afmelden\/[^/]+\/?$/.test(url.pathname);
}

/**
 * Refuses cross-site writes of every kind. A write must name this origin in Origin; without Origin, a form
 * post is refused (SvelteKit's own origin check, which svelte.config.js leaves to this handle so that the
 * one-click unsubscribe can pass), and any other write only when Sec-Fetch-Site says it is cross-site.
 * A browser sends `Origin: null` for a form of a page whose referrer policy is no-referrer (a privacy setting or
 * extension may impose it); such a write passes only when the browser itself says it came from this site
 * (Sec-Fetch-Site, which no page can set).
 */
export function isCrossSiteWrite(request: Request, url: URL): boolean {
	if (!unsafeMethods.has(request.method) || isOneClickUnsubscribe(request, url)) return false;
	const origin = request.headers.get('origin');
	if (origin === 'null') return request.headers.get('sec-fetch-site') !== 'same-origin';
	if (origin) return origin !== url.origin;
	if (isFormBody(request)) return true;
	const site = request.headers.get('sec-fetch-site');
	return site !== null && site !== 'same-origin' && site !== 'none';
}

export const securityHandle: Handle = async ({ event, resolve }) => {
	if (isCrossSiteWrite(event.request, event.url)) {
		return json({ code: 'cross_site_refused', message: m.http_cross_site_refused(), errors: {} }, { status: 403 });
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
