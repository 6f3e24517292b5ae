import type { Page } from 'playwright-core';
import { submitTotp } from './auth';
import { expectConnected } from './pages';
import { openDecisionsTab } from './item-page';

/**
 * Opens an item as a college member about to sign: gives the second factor again when the page asks for it
 * ("Nu bevestigen"), then waits until the page is live, since the sign-off's confirmation step runs in its script,
 * and shows the decisions tab.
 */
export async function openToSign(page: Page, path: string, key: Uint8Array): Promise<void> {
	await page.goto(path);
	await openDecisionsTab(page);
	const stepUp = page.getByRole('link', { name: 'Nu bevestigen' });
	if (await stepUp.isVisible()) {
		await stepUp.click();
		await submitTotp(page, key);
		await page.goto(path);
		await openDecisionsTab(page);
	}
	await expectConnected(page);
}

/** Records *Akkoord* with this kenmerk through the form and its confirmation step. */
export async function signAkkoord(page: Page, kenmerk: string): Promise<void> {
	const form = page.getByTestId('signoff-form');
	await page.getByLabel('Kenmerk').fill(kenmerk);
	await form.getByRole('radio', { name: 'Akkoord', exact: true }).check();
	await page.getByRole('button', { name: 'Collegebesluit vastleggen' }).click();
	await form.getByTestId('signoff-confirm').getByRole('button', { name: 'Bevestigen' }).click();
}
