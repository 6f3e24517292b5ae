/**
 * Where a `naar` parameter may send someone: a path on this very site, never anywhere else.
 *
 * The target is resolved with the URL parser against the portal's own origin, as a browser would resolve
 * the Location header, and kept only when the result is still on that origin. Input with control characters
 * (a browser silently drops tab and newline, turning `/\t/evil` into `//evil`) or backslashes (a browser
 * reads `\` as `/`) is refused outright. The answer is the path, query and fragment as the parser
 * serialises them: plain ASCII, so it always fits in a header, and never starting with `//`.
 */
export function safeRedirectTarget(target: unknown, ownOrigin: string | URL): string {
	// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
	if (typeof target !== 'string' || !target.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(target)) return '/';
	let url: URL;
	const origin = new URL(ownOrigin).origin;
	try {
		url = new URL(target, origin);
	} catch {
		return '/';
	}
	if (url.origin !== origin || url.pathname.startsWith('//')) return '/';
	return url.pathname + url.search + url.hash;
}
