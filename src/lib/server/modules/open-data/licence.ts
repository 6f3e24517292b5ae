/**
 * The licence of the open data: CC0 1.0 (public domain dedication), chosen so anyone may reuse the agenda,
 * the decisions and the session highlights without conditions. Every open-data answer states it: JSON in its
 * `licence` field, every answer in a `Link: <…>; rel="license"` header (RFC 4946), the Atom feed in `<rights>`.
 */
export const LICENCE = {
	id: 'CC0-1.0',
	name: 'CC0 1.0 Universal (Public Domain Dedication)',
	url: 'https://creativecommons.org/publicdomain/zero/1.0/'
} as const;

export const licenceLinkHeader = `<${LICENCE.url}>; rel="license"`;
