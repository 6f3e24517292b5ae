/**
 * Every page on a phone: at 390×844, for every demo role, no page reachable from the navigation scrolls sideways
 * (`document.documentElement.scrollWidth <= 390`); the main navigation folds behind a "Menu" button that works by
 * keyboard and is still there without JavaScript; navigation links and the main buttons are at least 24×24 px.
 * Runs its own production server: the two-step accounts enrol TOTP here, which would lock them for other files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connectBrowser } from './support/browser';
import { accountsWithoutTwoFactor, accountsWithTwoFactor, email } from './support/accounts';
import { enrolTotp, login } from './support/auth';
import { startServer, type RunningServer } from './support/server';
import { crawlNavigation, measureOverflow, openSettled, PHONE, smallTargets } from './support/phone';

let browser: Browser;
let server: RunningServer;
const dataDir = mkdtempSync(path.join(tmpdir(), 'rp-e2e-mobile-'));
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	browser = await connectBrowser();
	server = await startServer({ dataDir });
});
afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
	await server?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

async function phonePage(opts: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
	const context = await browser.newContext({
		baseURL: server.url,
		locale: 'nl-NL',
		viewport: { width: opts.width ?? PHONE.width, height: PHONE.height },
		javaScriptEnabled: opts.javaScriptEnabled ?? true
	});
	contexts.push(context);
	return context.newPage();
}

/** Logged in as `account` on a phone; the two-step accounts enrol first, as at their first login. */
async function phoneLogin(account: string): Promise<Page> {
	const page = await phonePage();
	await login(page, account);
	if (accountsWithTwoFactor.includes(account)) await enrolTotp(page);
	return page;
}

/**
 * The pages below the header are the same for every municipality of a role, so one account per role goes two levels
 * deep (Leiden's, the verkenner's, the administrator's); the others check the pages of the navigation itself.
 */
const depthOf = (account: string): 1 | 2 => (/^(klankbord|griffie|college)\./.test(account) && !account.includes('.leiden@') ? 1 : 2);
/** Items and sessions differ in content (a costs table, long titles): several of each route are opened. */
const PER_ROUTE = 4;

describe.each([...accountsWithoutTwoFactor, ...accountsWithTwoFactor])('%s at 390×844', (account) => {
	it(`no page reachable from the navigation (depth ${depthOf(account)}) scrolls sideways`, { timeout: 300_000 }, async () => {
		const page = await phoneLogin(account);
		const wide: string[] = [];
		const visited = await crawlNavigation(page, depthOf(account), PER_ROUTE, async (url) => {
			const { scrollWidth, culprits } = await measureOverflow(page);
			if (scrollWidth > PHONE.width) wide.push(`${new URL(url).pathname}: ${scrollWidth} px\n    ${culprits.join('\n    ')}`);
		});
		console.log(`mobile ${account}: ${visited.length} page(s)`);
		expect(visited.length).toBeGreaterThan(1);
		expect(wide, wide.join('\n')).toEqual([]);
	});
});

describe('the main navigation on a phone', () => {
	let page: Page;
	const menu = () => page.getByRole('button', { name: 'Menu' });
	const agendaLink = () => page.locator('header nav').getByRole('link', { name: 'Uitvoeringsagenda', exact: true });
	beforeAll(async () => {
		page = await phoneLogin(email('verkenner'));
		await openSettled(page, '/');
	});

	it('is folded behind a Menu button; header and navigation take under a quarter of the screen', async () => {
		expect(await menu().getAttribute('aria-expanded')).toBe('false');
		expect(await agendaLink().isVisible()).toBe(false);
		const header = await page.locator('header').first().boundingBox();
		expect(header!.height).toBeLessThan(PHONE.height / 4);
	});

	it('opens and closes by keyboard: Enter opens it, Tab reaches its links, Escape closes it and returns focus', async () => {
		await menu().focus();
		await page.keyboard.press('Enter');
		expect(await menu().getAttribute('aria-expanded')).toBe('true');
		const controlled = await menu().getAttribute('aria-controls');
		expect(await page.locator(`#${controlled}`).isVisible()).toBe(true);
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => !!document.activeElement?.closest('header nav'))).toBe(true);
		await page.keyboard.press('Escape');
		expect(await menu().getAttribute('aria-expanded')).toBe('false');
		expect(await agendaLink().isVisible()).toBe(false);
		expect(await menu().evaluate((el) => el === document.activeElement)).toBe(true);
	});

	it('closes when a link in it is followed', async () => {
		await menu().click();
		await Promise.all([page.waitForURL((u) => u.pathname === '/agenda'), agendaLink().click()]);
		await expect.poll(() => menu().getAttribute('aria-expanded')).toBe('false');
		expect(await agendaLink().isVisible()).toBe(false);
	});

	it('has navigation links and buttons of at least 24×24 px, open and closed', async () => {
		const selector = 'header a, header button, nav a, main button, main a.button, main input[type="submit"]';
		await openSettled(page, '/agenda');
		const item = await page.locator('main a[href^="/agenda/"]:not([href="/agenda/nieuw"]):not([download])').first().getAttribute('href');
		for (const path of ['/', '/agenda', item!, '/standpunten', '/sessies', '/inventarisatie']) {
			await openSettled(page, path);
			expect(await smallTargets(page, selector), path).toEqual([]);
		}
		await menu().click();
		expect(await smallTargets(page, selector), 'menu open').toEqual([]);
	});

	it('shows the whole navigation on a wide screen, without a Menu button', async () => {
		const wide = await phonePage({ width: 1280 });
		await login(wide, email('verkenner'));
		expect(await wide.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
		expect(await wide.locator('header nav').getByRole('link', { name: 'Uitvoeringsagenda', exact: true }).isVisible()).toBe(true);
	});

	it('without JavaScript the navigation is open and every link in it can be followed', async () => {
		const plain = await phonePage({ javaScriptEnabled: false });
		await login(plain, email('verkenner'));
		const links = plain.locator('header nav a[href]');
		expect(await links.count()).toBeGreaterThan(3);
		for (const link of await links.all()) expect(await link.isVisible()).toBe(true);
	});
});
