/**
 * The verkenner's interviews in Chromium: notes typed while the network is cut (Playwright's offline
 * mode) show "Niet verbonden", survive in the browser and are saved once the connection returns (a reload shows
 * them); a candidate captured with Enter becomes a draft agenda item whose timeline links back to the interview;
 * axe finds nothing on the inventory and the interview page; a klankbordgroep member never sees a confidential
 * interview (not in the overview, the page answers 404). Uses the run's shared server (its demo data).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connectBrowser, newContext } from './support/browser';
import { email } from './support/accounts';
import { login } from './support/auth';
import { expectNoAxeViolations } from './support/axe';
import { openHistoryTab } from './support/item-page';

let browser: Browser;
const contexts: BrowserContext[] = [];
let verkenner: Page;
let interviewPath = '';
const pageErrors: string[] = [];

async function pageAs(account: string): Promise<Page> {
	const context = await newContext(browser);
	contexts.push(context);
	const page = await context.newPage();
	page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
	await login(page, email(account));
	return page;
}

const notes = (p: Page) => p.getByTestId('notes-editor');
const notesStatus = (p: Page) => p.getByTestId('notes-status');

/** Records an interview through the "new interview" form and returns its path. */
async function recordInterview(page: Page, opts: { municipality: string; body: string; confidential?: boolean }): Promise<string> {
	await page.goto('/inventarisatie/nieuw');
	await page.getByLabel('Gemeente').selectOption({ label: opts.municipality });
	await page.getByLabel(/^Orgaan/).selectOption({ label: opts.body });
	await page.getByLabel('Deelnemers').fill('Gemeentesecretaris\nConcernstrateeg');
	if (opts.confidential) await page.getByRole('radio', { name: /Vertrouwelijk/ }).check();
	await page.getByRole('button', { name: 'Gesprek vastleggen' }).click();
	await page.waitForURL(/\/inventarisatie\/[0-9a-f-]{36}\?nieuw=1$/);
	return new URL(page.url()).pathname;
}

beforeAll(async () => {
	browser = await connectBrowser();
	verkenner = await pageAs('verkenner');
}, 120_000);

afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
});

describe('the verkenner in an interview', () => {
	it('the inventory overview shows the demo interviews per municipality and body, and passes axe', async () => {
		await verkenner.goto('/inventarisatie');
		expect(await verkenner.getByRole('heading', { level: 1 }).innerText()).toBe('Inventarisatie');
		const matrix = verkenner.getByTestId('inventory-matrix');
		expect(await matrix.getByRole('rowheader').allInnerTexts()).toEqual(['Leiden', 'Leiderdorp', 'Oegstgeest', 'Voorschoten', 'Zoeterwoude']);
		expect(await matrix.getByText('nog niet').count()).toBeGreaterThan(10);
		expect(await verkenner.getByTestId('not-on-agenda').getByRole('listitem').count()).toBeGreaterThan(0);
		await expectNoAxeViolations(verkenner);
	});

	it('records an interview; the page passes axe with the editor and the capture form loaded', async () => {
		interviewPath = await recordInterview(verkenner, { municipality: 'Oegstgeest', body: 'Directieteam' });
		expect(await verkenner.getByRole('heading', { level: 1 }).innerText()).toBe('Gesprek met directieteam Oegstgeest');
		await notes(verkenner).waitFor();
		await expectNoAxeViolations(verkenner);
	});

	it('notes typed while the network is cut are kept, shown as not connected, and saved once it returns', async () => {
		await notes(verkenner).click();
		await verkenner.keyboard.type('Oegstgeest wil samen optrekken bij de energietransitie.');
		await notesStatus(verkenner)
			.filter({ hasText: /Opgeslagen om \d\d:\d\d/ })
			.waitFor({ timeout: 15_000 });

		await verkenner.context().setOffline(true);
		await verkenner.keyboard.press('Enter');
		await verkenner.keyboard.type('Offline getypt: campus en studentenhuisvesting.');
		await notesStatus(verkenner).filter({ hasText: 'Niet verbonden — uw tekst is op dit apparaat bewaard' }).waitFor({ timeout: 15_000 });
		const draft = await verkenner.evaluate(() =>
			Object.keys(localStorage)
				.filter((k) => k.startsWith('rp-interview-notes:'))
				.map((k) => localStorage.getItem(k))
		);
		expect(draft.join('')).toContain('Offline getypt');

		await verkenner.context().setOffline(false);
		await notesStatus(verkenner)
			.filter({ hasText: /Opgeslagen om \d\d:\d\d/ })
			.waitFor({ timeout: 20_000 });
		await verkenner.reload();
		await notes(verkenner).waitFor();
		expect(await notes(verkenner).innerText()).toContain('Offline getypt: campus en studentenhuisvesting.');
		expect(await notes(verkenner).innerText()).toContain('Oegstgeest wil samen optrekken');
		const left = await verkenner.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rp-interview-notes:')).length);
		expect(left).toBe(0);
	});

	it('captures a candidate with Enter (focus back on the title) and turns it into an agenda item that links back', async () => {
		const title = verkenner.getByRole('textbox', { name: /^Titel/ }).and(verkenner.locator('#kandidaat-title'));
		await title.fill('Gezamenlijke campusontwikkeling');
		await verkenner.getByLabel(/^Ambitie/).selectOption({ label: '2. Regionale economie' });
		await verkenner.getByLabel('Na de verkiezingen').check();
		await verkenner.getByLabel('Meerwaarde').fill('Campus en binnenstad als één opgave.');
		await verkenner.getByRole('group', { name: 'Belangstelling van' }).getByLabel('Leiden').check();
		await title.focus();
		await verkenner.keyboard.press('Enter');
		// at once: the candidate shows, and the cursor is back in an empty title field
		await verkenner.getByRole('heading', { level: 4, name: 'Gezamenlijke campusontwikkeling' }).waitFor({ timeout: 2_000 });
		expect(await verkenner.evaluate(() => document.activeElement?.id)).toBe('kandidaat-title');
		expect(await title.inputValue()).toBe('');

		const promote = verkenner.getByRole('button', { name: /^Maak agendapunt\s*:\s*Gezamenlijke campusontwikkeling$/ });
		await promote.waitFor({ timeout: 15_000 });
		await promote.click();
		const link = verkenner.getByTestId('candidate-item').getByRole('link', { name: 'Gezamenlijke campusontwikkeling' });
		await link.waitFor({ timeout: 15_000 });
		await link.click();
		await verkenner.waitForURL(/\/agenda\/[0-9a-f-]{36}$/);
		await openHistoryTab(verkenner);
		const origin = verkenner.getByTestId('timeline').getByTestId('timeline-interview');
		await origin.waitFor();
		expect(await verkenner.getByTestId('timeline').innerText()).toMatch(/Voortgekomen uit\s+gesprek met directieteam Oegstgeest \(\d+ \w+ \d{4}\)/);
		expect(await origin.getAttribute('href')).toBe(interviewPath);
		await origin.click();
		await verkenner.waitForURL((u) => u.pathname === interviewPath);
	});
});

describe('a confidential interview and the klankbordgroep', () => {
	it('is not in the overview of a klankbordgroep member, and its page answers 404', async () => {
		const secretPath = await recordInterview(verkenner, { municipality: 'Zoeterwoude', body: 'Portefeuillehouder', confidential: true });
		const member = await pageAs('klankbord.leiden');
		await member.goto('/inventarisatie');
		expect(await member.locator(`a[href="${interviewPath}"]`).count()).toBe(1);
		expect(await member.locator(`a[href="${secretPath}"]`).count()).toBe(0);
		expect(await member.getByText('Vertrouwelijk').count()).toBe(0);
		await expectNoAxeViolations(member);

		const res = await member.goto(secretPath);
		expect(res?.status()).toBe(404);
		expect(await member.locator('main').innerText()).not.toContain('Zoeterwoude');
		// the shared one opens, read-only
		await member.goto(interviewPath);
		expect(await member.getByTestId('notes-read').innerText()).toContain('Offline getypt');
		expect(await member.getByRole('button', { name: /Maak agendapunt/ }).count()).toBe(0);
		await expectNoAxeViolations(member);
		expect(pageErrors).toEqual([]);
	});
});
