/**
 * The search box in the header, by keyboard: `/` from the page focuses it, typing and Enter open the results,
 * grouped by kind with the matching words marked; a result leads to its page; on the search page the results
 * follow the typing. Axe finds nothing on the
 * results page, and nothing scrolls sideways at 390 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connectBrowser, newContext } from './support/browser';
import { email } from './support/accounts';
import { login } from './support/auth';
import { expectNoAxeViolations } from './support/axe';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
	browser = await connectBrowser();
	context = await newContext(browser);
	page = await context.newPage();
	await login(page, email('klankbord.leiden'));
});
afterAll(async () => {
	await context?.close();
	await browser?.close();
});

describe('searching from the header', () => {
	it('/ focuses the search box; typing and Enter show the results grouped by kind, the words marked', async () => {
		await page.goto('/agenda');
		await page.locator('main h1').click();
		await page.keyboard.press('/');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');
		expect(await page.evaluate(() => !!document.activeElement?.closest('header'))).toBe(true);
		await page.keyboard.type('woningen');
		await Promise.all([page.waitForURL((u) => u.pathname === '/zoeken' && u.searchParams.get('q') === 'woningen'), page.keyboard.press('Enter')]);
		await page.getByRole('heading', { level: 1, name: 'Zoeken' }).waitFor();
		expect(await page.locator('main .count').innerText()).toMatch(/\d+ resultaten? voor ‘woningen’/);
		const items = page.getByRole('region', { name: /^Activiteiten/ });
		await items.waitFor();
		// The stemmer: "woningen" finds the demo's "Versnelling woningbouw" by its text, with the word marked.
		expect(await items.locator('mark').count()).toBeGreaterThan(0);
		expect((await items.locator('mark').first().innerText()).toLowerCase()).toMatch(/^woning/);
		await expectNoAxeViolations(page);
	});

	it('a result leads to its page; a question of one letter asks for more, never an error', async () => {
		const first = page
			.getByRole('region', { name: /^Activiteiten/ })
			.getByRole('link')
			.first();
		const title = await first.innerText();
		await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/agenda/')), first.click()]);
		await page.getByRole('heading', { level: 1, name: title }).waitFor();
		for (const q of ['w', '"&!:*', "' or 1=1 --"]) {
			const res = await page.goto(`/zoeken?q=${encodeURIComponent(q)}`);
			expect(res?.status(), q).toBe(200);
		}
		expect(await page.locator('main .count').innerText()).toMatch(/Typ minstens twee letters|Niets gevonden/);
	});

	it('on the search page, results follow the typing (a word begun is enough) without pressing Enter', async () => {
		await page.goto('/zoeken');
		const field = page.getByLabel('Zoekwoorden');
		await field.click();
		await page.keyboard.type('woningb', { delay: 30 });
		await page.waitForURL((u) => u.pathname === '/zoeken' && u.searchParams.get('q') === 'woningb');
		await page.getByRole('region', { name: /^Activiteiten/ }).waitFor();
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('zoek-q');
		expect(await field.inputValue()).toBe('woningb');
	});

	it('filters by kind and keeps the question; nothing scrolls sideways at 390 px', async () => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto('/zoeken?q=woning&soort=items');
		expect(await page.getByRole('region', { name: /^Reacties/ }).count()).toBe(0);
		expect(await page.getByLabel('Zoekwoorden').inputValue()).toBe('woning');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await expectNoAxeViolations(page);
	});
});
