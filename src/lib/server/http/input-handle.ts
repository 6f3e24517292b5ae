import { json, type Handle } from '@sveltejs/kit';
import { hasForbiddenCharacters } from '../../validation/text';
import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';

function decodedPath(url: URL): string {
	try {
		return decodeURIComponent(url.pathname);
	} catch {
		return ''; // a malformed escape: SvelteKit itself answers that with 400
	}
}

/**
 * Whether the address holds a character no text may hold (validation/text.ts): in the path (a route
 * parameter) or in a query parameter's name or value (a search term, a filter, a page number). One check for
 * every page and API route, before any of them reads the address.
 */
export function addressHasForbiddenCharacters(url: URL): boolean {
	if (hasForbiddenCharacters(decodedPath(url))) return true;
	for (const [name, value] of url.searchParams) if (hasForbiddenCharacters(name) || hasForbiddenCharacters(value)) return true;
	return false;
}

/**
 * `?/default` names the one reserved form action; SvelteKit fails such a post as a server fault (500), so it
 * is refused here as the malformed request it is.
 */
const namesReservedAction = (url: URL) => url.searchParams.has('/default');

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A refusal in the person's language: JSON for programs, a small page (no scripts) for browsers. */
export function refusedInput(request: Request, message: string): Response {
	if (!(request.headers.get('accept') ?? '').includes('text/html')) return json({ code: 'bad_request', message }, { status: 400 });
	const html = `<!doctype html><html lang="${getLocale()}"><head><meta charset="utf-8"><title>${escapeHtml(m.error_title())}</title></head><body><main><h1>${escapeHtml(m.error_title())}</h1><p>${escapeHtml(message)}</p><p><a href="/">${escapeHtml(m.error_back_home())}</a></p></main></body></html>`;
	return new Response(html, { status: 400, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'" } });
}

/** Refuses, with 400 and a clear message, an address no page of the portal can mean. */
export const inputHandle: Handle = ({ event, resolve }) => {
	if (addressHasForbiddenCharacters(event.url)) return refusedInput(event.request, m.error_address_forbidden_characters());
	if (namesReservedAction(event.url)) return refusedInput(event.request, m.error_request_refused());
	return resolve(event);
};
