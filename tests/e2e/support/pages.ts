import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { AMBITIONS, MUNICIPALITIES } from './accounts';

/** The header's live-connection indicator (role="status", announced by screen readers). */
export function connectionStatus(page: Page) {
	return page.locator('header [role="status"]').filter({ hasText: /Live verbinding|Live connection/ });
}

/** Waits until the header indicator says "Verbonden" (fails after `timeout`). */
export async function expectConnected(page: Page, timeout = 15_000): Promise<void> {
	await connectionStatus(page).filter({ hasText: 'Verbonden' }).waitFor({ timeout });
	expect(await connectionStatus(page).innerText()).toContain('Verbonden');
}

/** The overview "De Leidse regio": the seven ambitions and the five municipalities. */
export async function expectOverview(page: Page): Promise<void> {
	expect(new URL(page.url()).pathname).toBe('/');
	// The start page: what awaits the person first, the region below.
	expect((await page.getByRole('heading', { level: 1 }).innerText()).trim()).toBe('Mijn werk');
	expect(await page.getByRole('heading', { level: 2, name: 'De Leidse regio' }).count()).toBe(1);

	// One card per ambition (each holds lists of its own: its statuses, its items in execution).
	const ambitions = page.getByRole('region', { name: 'De zeven ambities', exact: true }).locator('ol').first().locator(':scope > li');
	expect(await ambitions.count()).toBe(7);
	const ambitionText = (await ambitions.allInnerTexts()).join('\n');
	for (const title of AMBITIONS) expect(ambitionText).toContain(title);

	const rows = page.getByRole('region', { name: 'De vijf gemeenten', exact: true }).locator('tbody').getByRole('rowheader');
	expect((await rows.allInnerTexts()).map((t) => t.trim())).toEqual([...MUNICIPALITIES]);
}
