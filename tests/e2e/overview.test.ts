/**
 * The start page's overview of the region in Chromium, against its own server (own DATA_DIR, demo data): for the
 * verkenner, a klankbordgroep member, a griffie, a meelezer and an ambtelijk adviseur it shows the ambitions with
 * their items by status, the position heat map, the colleges' and councils' progress, the costs, what comes next
 * and the recent activity; axe finds nothing and nothing scrolls sideways at 1280 and 390 px. A status in an
 * ambition's card opens the agenda filtered on that ambition and status, listing exactly as many items as the card
 * said. A new item and its status change made by the verkenner in another browser appear on a Leiden member's open
 * start page without a reload (counts, recent activity, the announcement). `OVERVIEW_SCREENSHOTS=<dir>` saves the
 * page at 1280 and 390 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { connectBrowser } from './support/browser';
import { email } from './support/accounts';
import { login } from './support/auth';
import { expectNoAxeViolations } from './support/axe';
import { expectConnected } from './support/pages';
import { measureOverflow, PHONE } from './support/phone';
import { startServer, type RunningServer } from './support/server';

const NEW_ITEM = 'Snelfietsroute Leiden–Katwijk';

let browser: Browser;
let server: RunningServer;
const dataDir = mkdtempSync(path.join(tmpdir(), 'rp-e2e-overview-'));
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

async function pageAs(account: string, width = 1280): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.url, locale: 'nl-NL', viewport: { width, height: 900 } });
	contexts.push(context);
	const page = await context.newPage();
	page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
	await login(page, email(account));
	return page;
}

beforeAll(async () => {
	browser = await connectBrowser();
	server = await startServer({ dataDir });
}, 180_000);

afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
	await server?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

const ambitionCard = (p: Page, n: number) => p.locator(`[data-ambition="${n}"]`);
const statusLink = (card: Locator, status: string) => card.locator(`a[data-status="${status}"]`);
/** The count a card's status link shows (0 when the ambition has no item in that status). */
async function countIn(card: Locator, status: string): Promise<number> {
	return (await statusLink(card, status).count()) ? Number(await statusLink(card, status).locator('.n').innerText()) : 0;
}

describe('the overview of the region on the start page', () => {
	for (const account of ['verkenner', 'klankbord.leiden', 'griffie.leiden', 'meelezer.leiden', 'adviseur.leiden'])
		it(`shows every part for ${account}, axe finds nothing, and nothing scrolls sideways at 1280 and 390 px`, async () => {
			const page = await pageAs(account);
			await page.goto('/');
			for (const name of [
				'De zeven ambities',
				'Standpunten per gemeente',
				'Besluitvorming per gemeente',
				'Kosten per gemeente',
				'Wat komt eraan',
				'Recent gebeurd',
				'De vijf gemeenten'
			])
				expect(await page.getByRole('region', { name, exact: true }).count(), name).toBe(1);
			// Seven ambition cards; the heat map has a row per item of the demo and a column per municipality.
			expect(await page.locator('[data-ambition]').count()).toBe(7);
			const heat = page.getByRole('table', { name: 'Standpunten van de vijf gemeenten per agendapunt' });
			expect(await heat.locator('tbody tr[data-row]').count()).toBe(8);
			expect(await heat.getByRole('columnheader').allInnerTexts()).toEqual(['Agendapunt', 'Leiden', 'Leiderdorp', 'Oegstgeest', 'Voorschoten', 'Zoeterwoude']);
			const woningbouw = heat.getByRole('row', { name: /Versnelling woningbouw/ });
			await expect(woningbouw.locator('td').allTextContents()).resolves.toEqual([
				'✔Steunt',
				'✔*Steunt onder voorwaarden',
				'✖Bezwaar',
				'○Neutraal',
				'…Nog geen standpunt'
			]);
			// Every chart has its table; the pictures are hidden from screen readers.
			expect(await page.locator('figure.chart').count()).toBeGreaterThanOrEqual(5);
			for (const figure of await page.locator('figure.chart').all()) {
				expect(await figure.locator('.chart-graphic[aria-hidden="true"]').count()).toBe(1);
				expect(await figure.locator('table tbody tr').count()).toBeGreaterThan(0);
			}
			await expectNoAxeViolations(page);
			expect((await measureOverflow(page)).scrollWidth).toBeLessThanOrEqual(1280);
			await page.setViewportSize(PHONE);
			await page.goto('/');
			await expectNoAxeViolations(page);
			const overflow = await measureOverflow(page);
			expect(overflow.scrollWidth, overflow.culprits.join('\n')).toBeLessThanOrEqual(PHONE.width);
			if (process.env.OVERVIEW_SCREENSHOTS && account === 'klankbord.leiden') {
				await page.screenshot({ path: path.join(process.env.OVERVIEW_SCREENSHOTS, 'overzicht-390.png'), fullPage: true });
				await page.setViewportSize({ width: 1280, height: 900 });
				await page.screenshot({ path: path.join(process.env.OVERVIEW_SCREENSHOTS, 'overzicht-1280.png'), fullPage: true });
			}
		});

	it('a status in an ambition’s card opens the agenda filtered on that ambition and status, with as many items as the card said', async () => {
		const page = await pageAs('klankbord.leiden');
		await page.goto('/');
		const card = ambitionCard(page, 1);
		const count = await countIn(card, 'in_bespreking');
		expect(count).toBeGreaterThan(0);
		await statusLink(card, 'in_bespreking').click();
		await page.waitForURL((u) => u.pathname === '/agenda');
		const url = new URL(page.url());
		expect([url.searchParams.get('ambitie'), url.searchParams.get('status')]).toEqual(['1', 'in_bespreking']);
		const items = page.locator('section.ambition ul.items > li');
		expect(await items.count()).toBe(count);
		for (const status of await items.locator('[data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))))
			expect(status).toBe('in_bespreking');
		await expect(page.locator('p.count').innerText()).resolves.toMatch(new RegExp(`^Agendapunten: ${count} van \\d+`));
	});

	it('shows a new item and its status change made in another browser without a reload', async () => {
		const watcher = await pageAs('klankbord.leiden');
		await watcher.goto('/');
		await expectConnected(watcher);
		const card = ambitionCard(watcher, 3);
		const concept = await countIn(card, 'concept');
		const discussed = await countIn(card, 'in_bespreking');
		const total = Number((await watcher.getByTestId('key-figures').locator('dd').first().innerText()).trim());
		await watcher.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

		const verkenner = await pageAs('verkenner');
		await verkenner.goto('/agenda/nieuw?ambitie=3');
		await verkenner.getByLabel('Titel').fill(NEW_ITEM);
		await verkenner.getByRole('button', { name: 'Agendapunt aanmaken' }).click();
		await verkenner.waitForURL(/\/agenda\/[0-9a-f-]{36}/);

		const activity = watcher.getByTestId('recent-activity');
		await activity.getByRole('link', { name: NEW_ITEM }).waitFor({ timeout: 10_000 });
		await expect(activity.locator('li').first().innerText()).resolves.toMatch(new RegExp(`${NEW_ITEM}[\\s\\S]*Nieuw op de agenda[\\s\\S]*Maarten Verhoeven`));
		await expect.poll(() => countIn(card, 'concept'), { timeout: 10_000 }).toBe(concept + 1);
		await expect.poll(async () => Number((await watcher.getByTestId('key-figures').locator('dd').first().innerText()).trim())).toBe(total + 1);
		await expect.poll(() => watcher.getByTestId('overview-live').innerText()).toBe('Het overzicht van de regio is bijgewerkt.');
		expect(await watcher.getByRole('table', { name: 'Standpunten van de vijf gemeenten per agendapunt' }).getByRole('link', { name: NEW_ITEM }).count()).toBe(
			1
		);

		await verkenner.getByRole('button', { name: 'In bespreking brengen' }).click();
		await expect.poll(() => countIn(card, 'in_bespreking'), { timeout: 10_000 }).toBe(discussed + 1);
		expect(await countIn(card, 'concept')).toBe(concept);
		await expect(activity.locator('li').first().innerText()).resolves.toMatch(new RegExp(`${NEW_ITEM}[\\s\\S]*Status: In bespreking`));
		// The same page all along: nothing reloaded it.
		expect(await watcher.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
		expect(pageErrors).toEqual([]);
	});
});
