/** The item page's tabs; each id is also the panel's address, so `/agenda/<id>#besluitvorming` opens that tab. */
export const ITEM_TABS = { content: 'inhoud-en-reacties', decisions: 'besluitvorming', history: 'geschiedenis' } as const;

/** The id a URL fragment names ('' for none or a malformed one). */
export function fragmentId(hash: string): string {
	try {
		return decodeURIComponent(hash.replace(/^#/, ''));
	} catch {
		return '';
	}
}

/**
 * The tab whose panel holds the element with this id (the panel itself, or a heading or comment in it), so a
 * link from a mail or notification that names a section (`#kop-besluiten`, `#reactie-…`) opens the right tab.
 */
export function tabOf(id: string): string | null {
	if (!id) return null;
	return document.getElementById(id)?.closest<HTMLElement>('[data-tab-panel]')?.dataset.tabPanel ?? null;
}
