import { m } from '$lib/paraglide/messages.js';

/** A browser tab, a bookmark and a search result show about 60-70 characters: a title stays below 70. */
export const TITLE_MAX = 69;
const SEP = ' · ';

/**
 * The `<title>` of a page: its own name first, then where it sits, then the portal's name. When that is too
 * long, the context between the page's name and the portal's name goes first, then the page's name is
 * shortened (with an ellipsis): the page's name is what tells tabs apart, the portal's name who they are from.
 */
export function pageTitle(...parts: string[]): string {
	const [own = '', ...context] = [...parts.filter(Boolean), m.app_name()];
	let rest = context;
	while (rest.length > 1 && [own, ...rest].join(SEP).length > TITLE_MAX) rest = rest.slice(1);
	const tail = rest.length ? SEP + rest.join(SEP) : '';
	const room = TITLE_MAX - tail.length;
	const head = own.length <= room ? own : `${own.slice(0, room - 1).trimEnd()}…`;
	return head + tail;
}
