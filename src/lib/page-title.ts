/** Longer titles are cut off in a browser tab and a search result (and html-validate's `long-title` says so). */
export const MAX_TITLE = 70;

/**
 * A page's <title>: its parts, most specific first, joined with " · ". When that is too long the middle parts go
 * first, then the portal's name (the last part), and a first part that is too long on its own ends in "…".
 */
export function pageTitle(...parts: string[]): string {
	const tries = [parts, [parts[0], parts.at(-1)!], [parts[0]]];
	const fits = tries.map((p) => [...new Set(p)].join(' · ')).find((t) => t.length <= MAX_TITLE);
	return fits ?? `${parts[0].slice(0, MAX_TITLE - 1).trimEnd()}…`;
}
