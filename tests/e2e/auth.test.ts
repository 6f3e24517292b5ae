/** The login page itself: errors in Dutch, rate limiting, logout, the language switch. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connectBrowser, newContext } from './support/browser';
import { email, RATE_LIMIT_ACCOUNT } from './support/accounts';
import { login, sessionCookieOf, submitLogin } from './support/auth';
import { expectNoAxeViolations, runAxe } from './support/axe';
import { urlOf } from './support/context';
import { expectConnected, expectOverview } from './support/pages';

let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => (browser = await connectBrowser()));
afterAll(() => browser?.close());
beforeEach(async () => {
	context = await newContext(browser);
	page = await context.newPage();
});
afterEach(() => context?.close());

const alert = () => page.locator('main [role="alert"]');

describe('login page', () => {
	it('is in Dutch and has no axe violations', async () => {
		await page.goto('/inloggen');
		expect(await page.locator('html').getAttribute('lang')).toBe('nl');
		expect((await page.getByRole('heading', { level: 1 }).innerText()).trim()).toBe('Inloggen');
		await expectNoAxeViolations(page);
	});

	it('the accessibility check itself runs under the CSP and reports a planted violation', async () => {
		await page.goto('/inloggen');
		// An image without a text alternative: axe must name it, or the checks above prove nothing.
		// (Planted outside the Svelte root, which hydration would tidy up.)
		await page.evaluate(() => {
			const img = document.createElement('img');
			img.src = '/favicon.svg';
			img.id = 'geplant';
			document.body.append(img);
		});
		const outcome = await runAxe(page);
		expect(outcome.passes).toBeGreaterThan(0);
		const imageAlt = outcome.violations.find((v) => v.id === 'image-alt');
		expect(imageAlt?.nodes.map((n) => n.target)).toEqual(['#geplant']);
	});

	it('sends someone who is not logged in from "/" to the login page', async () => {
		await page.goto('/');
		expect(new URL(page.url()).pathname).toBe('/inloggen');
	});

	it('refuses a wrong password with the Dutch message, keeps no session, and stays accessible', async () => {
		await submitLogin(page, email('griffie.leiden'), 'dit-is-niet-het-wachtwoord');
		expect(new URL(page.url()).pathname).toBe('/inloggen');
		expect(await alert().innerText()).toContain('Het e-mailadres of wachtwoord klopt niet.');
		expect(await page.getByLabel('E-mailadres').inputValue()).toBe(email('griffie.leiden'));
		await expect(sessionCookieOf(page)).rejects.toThrow();
		await expectNoAxeViolations(page);
	});

	it('after 6 wrong passwords for one account from one address shows the rate-limit message with the wait in minutes (that address is refused, the account is not locked)', async () => {
		for (let i = 1; i <= 5; i++) {
			await submitLogin(page, RATE_LIMIT_ACCOUNT, `fout-wachtwoord-${i}`);
			expect(await alert().innerText()).toContain('Het e-mailadres of wachtwoord klopt niet.');
		}
		await submitLogin(page, RATE_LIMIT_ACCOUNT, 'fout-wachtwoord-6');
		const text = await alert().innerText();
		const match = /Te veel mislukte pogingen vanaf dit netwerkadres\. Probeer het over (\d+) minuten opnieuw\./.exec(text);
		expect(match, `no rate-limit message in: ${text}`).not.toBeNull();
		const minutes = Number(match![1]);
		expect(minutes).toBeGreaterThanOrEqual(1);
		expect(minutes).toBeLessThanOrEqual(15);

		// While the limit holds, even the right password does not open the account.
		await submitLogin(page, RATE_LIMIT_ACCOUNT);
		expect(new URL(page.url()).pathname).toBe('/inloggen');
		expect(await alert().innerText()).toMatch(/Te veel mislukte pogingen vanaf dit netwerkadres\. Probeer het over \d+ minuten opnieuw\./);
	});
});

describe('logout', () => {
	it('ends the session: back to /inloggen, and the old cookie no longer opens "/"', async () => {
		await login(page, email('klankbord.oegstgeest'));
		await expectOverview(page);
		await expectConnected(page);
		const cookie = await sessionCookieOf(page);

		await page.getByRole('button', { name: 'Uitloggen' }).click();
		await page.waitForURL((u) => u.pathname === '/inloggen');
		await page.goto('/');
		expect(new URL(page.url()).pathname).toBe('/inloggen');

		// The server forgot the token: replaying the old cookie is sent to the login page.
		const res = await fetch(urlOf('/'), { headers: { cookie }, redirect: 'manual' });
		expect(res.status).toBe(303);
		expect(new URL(res.headers.get('location')!, urlOf('/')).pathname).toBe('/inloggen');
	});

	it('a login ended while the page was offline: once back online, its reconnect is refused and the page goes to /inloggen', async () => {
		await login(page, email('klankbord.leiderdorp'));
		await expectOverview(page);
		await expectConnected(page);
		const cookie = await sessionCookieOf(page);
		await context.setOffline(true);
		await page.locator('.connection[data-state="offline"]').waitFor({ timeout: 15_000 });
		// Logged out elsewhere (another tab, another device): the offline page misses the announcement.
		const out = await fetch(urlOf('/uitloggen'), { method: 'POST', headers: { cookie, origin: new URL(urlOf('/')).origin }, redirect: 'manual' });
		expect(out.status).toBeLessThan(400);
		await context.setOffline(false);
		await page.waitForURL((u) => u.pathname === '/inloggen', { timeout: 20_000 });
	});
});

describe('language', () => {
	it('switches the overview to English and back to Dutch', async () => {
		await login(page, email('klankbord.voorschoten'));
		await expectOverview(page);

		await page.getByRole('button', { name: 'Switch to English' }).click();
		await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		expect(new URL(page.url()).pathname).toBe('/');
		await expectNoAxeViolations(page);

		await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
		await page.getByRole('heading', { level: 1, name: 'Mijn werk' }).waitFor();
		expect(await page.locator('html').getAttribute('lang')).toBe('nl');
		await expectOverview(page);
	});

	it('switches the login page to English and back', async () => {
		await page.goto('/inloggen');
		await page.getByRole('button', { name: 'Switch to English' }).click();
		await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		expect(new URL(page.url()).pathname).toBe('/inloggen');
		await expectNoAxeViolations(page);

		await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
		await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
		expect(await page.locator('html').getAttribute('lang')).toBe('nl');
	});
});
