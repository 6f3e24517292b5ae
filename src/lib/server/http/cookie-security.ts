/**
 * Whether a cookie gets the Secure attribute: exactly when the request came over HTTPS. SvelteKit's default
 * (Secure everywhere except on localhost) makes a browser drop every cookie of a plain-HTTP site on another
 * host name (a test server on the local network): the language would never stick, a login never hold.
 * Deleting needs the same attribute, or the browser refuses the deletion too.
 */
export function secureCookie(url: URL): boolean {
	return url.protocol === 'https:';
}
