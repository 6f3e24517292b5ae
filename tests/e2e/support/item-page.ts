import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** The comments region of an item page. */
export const commentsRegion = (p: Page) => p.getByRole('region', { name: /^Reacties/ });

/** Writes a comment in the page's own form and waits until the form is empty again (sent). */
export async function postComment(p: Page, body: string): Promise<void> {
	const field = commentsRegion(p).getByLabel('Nieuwe reactie');
	await field.fill(body);
	await commentsRegion(p).getByRole('button', { name: 'Plaatsen' }).click();
	await expect.poll(() => field.inputValue()).toBe('');
}

/** Waits until the description's editor shows every one of `parts`. */
export async function untilEditorShows(p: Page, ...parts: string[]): Promise<void> {
	await p.waitForFunction(
		(wanted) => {
			const text = document.querySelector('.collab-editor')?.textContent ?? '';
			return wanted.every((w) => text.includes(w));
		},
		parts,
		{ timeout: 20_000 }
	);
}

/** Chooses a tab of the item page ("Besluitvorming", "Geschiedenis", "Inhoud en reacties") and waits until its panel shows. */
export async function openItemTab(p: Page, name: string): Promise<void> {
	const tab = p.getByRole('tab', { name });
	if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
	await p.getByRole('tabpanel', { name }).waitFor({ state: 'visible' });
}

/** Shows the positions, sign-offs, council decisions and progress of the item page. */
export const openDecisionsTab = (p: Page) => openItemTab(p, 'Besluitvorming');

/** Shows the versions and the timeline of the item page. */
export const openHistoryTab = (p: Page) => openItemTab(p, 'Geschiedenis');

/** Selects `word` in the co-editor of the region named `field` (e.g. "Beschrijving"), as a reader would with the mouse. */
export async function selectInEditor(p: Page, field: string, word: string): Promise<void> {
	await selectInEditorOf(p.getByRole('region', { name: field }), word);
}

/** Selects `word` in the co-editor inside `container` (a scenario's article, a region). */
export async function selectInEditorOf(container: Locator, word: string): Promise<void> {
	await container.locator('.collab-editor').evaluate((root, w) => {
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const i = n.textContent?.indexOf(w) ?? -1;
			if (i < 0) continue;
			(root as HTMLElement).focus();
			window.getSelection()?.setBaseAndExtent(n, i, n, i + w.length);
			document.dispatchEvent(new Event('selectionchange'));
			return;
		}
		throw new Error(`${w} is not in the text`);
	}, word);
}
