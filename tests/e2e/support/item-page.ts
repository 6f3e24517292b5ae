import { expect } from 'vitest';
import type { Page } from 'playwright-core';

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
