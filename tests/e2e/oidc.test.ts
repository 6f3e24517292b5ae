/**
 * Signing in with the municipality's own account, in Chromium against the built server (embedded database, demo
 * data) and a real OpenID Connect provider (oauth2-mock-server on its own port, its claims set per test): the
 * administrator configures Leiden's sign-in service (the secret is never shown again); a klankbordgroep member
 * signs in with it, is linked by e-mail and the next time by the provider's subject, and logs out; a college member
 * whose provider reports multi-factor is not asked for the portal's code, one whose provider does not is sent to set
 * up the portal's own; an address outside the allowed domains and a token for another audience are refused in Dutch
 * without a session; the administrator sees how each person signs in. axe finds nothing on the new pages, and they
 * fit 390 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connectBrowser } from './support/browser';
import { email } from './support/accounts';
import { enrolTotp, login, SESSION_COOKIE } from './support/auth';
import { expectNoAxeViolations } from './support/axe';
import { expectFitsPhone } from './support/phone';
import { startServer, type RunningServer } from './support/server';
import { MockProvider, person } from '../fixtures/oidc-provider';

const dataDir = mkdtempSync(path.join(tmpdir(), 'rp-e2e-oidc-'));
let server: RunningServer;
let browser: Browser;
let provider: MockProvider;
let admin: Page;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const BUTTON = 'Inloggen met uw gemeente-account (Leiden)';

async function newPage(width = 1280): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.url, locale: 'nl-NL', viewport: { width, height: 900 } });
	contexts.push(context);
	const page = await context.newPage();
	page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
	return page;
}

const hasSession = async (page: Page) => (await page.context().cookies(server.url)).some((c) => c.name === SESSION_COOKIE && c.value !== '');

/** Chooses the municipality's button on the login page; the provider answers at once and sends the browser back. */
async function signInWithProvider(page: Page): Promise<void> {
	await page.goto('/inloggen');
	await page.getByRole('link', { name: BUTTON }).click();
	await page.waitForURL((u) => u.origin === server.url && !u.pathname.startsWith('/inloggen/oidc'), { timeout: 20_000 });
	await page.waitForLoadState('load');
}

beforeAll(async () => {
	provider = await new MockProvider().start();
	server = await startServer({ dataDir });
	browser = await connectBrowser();
	admin = await newPage();
	await login(admin, email('beheer'));
	await enrolTotp(admin);
}, 180_000);

afterAll(async () => {
	for (const c of contexts) await c.close().catch(() => {});
	await browser?.close();
	await server?.stop();
	await provider?.stop();
	rmSync(dataDir, { recursive: true, force: true });
	expect(pageErrors).toEqual([]);
});

describe("signing in with the municipality's own account", () => {
	it("the administrator configures Leiden's sign-in service; the secret is never shown again", async () => {
		await admin.goto('/beheer/inlogdiensten');
		await expect.poll(() => admin.getByRole('heading', { level: 1 }).innerText()).toBe('Inlogdiensten');
		await expectNoAxeViolations(admin);
		// A provider over plain HTTP on another machine: refused on its field, nothing stored.
		await admin.getByRole('combobox', { name: /^Voor/ }).selectOption({ label: 'Leiden' });
		await admin.getByLabel('Issuer-URL').fill('http://inlog.voorbeeld.nl');
		await admin.getByLabel('Client-ID').fill('regioportaal');
		await admin.getByLabel('Client-secret').fill('geheim-van-leiden');
		await admin.getByRole('button', { name: 'Inlogdienst toevoegen' }).click();
		await expect.poll(() => admin.locator('[role="alert"]').first().isVisible()).toBe(true);
		expect(await admin.locator('table').count()).toBe(0);

		await admin.getByRole('combobox', { name: /^Voor/ }).selectOption({ label: 'Leiden' });
		await admin.getByLabel('Issuer-URL').fill(provider.issuer);
		await admin.getByLabel('Client-ID').fill('regioportaal');
		await admin.getByLabel('Client-secret').fill('geheim-van-leiden');
		await admin.getByLabel('Toegestane e-maildomeinen').fill('demo.regioportaal.nl');
		await admin.getByRole('button', { name: 'Inlogdienst toevoegen' }).click();
		const row = admin.getByRole('row', { name: /Leiden/ });
		await expect.poll(() => row.isVisible()).toBe(true);
		await row.getByRole('link', { name: 'Leiden' }).click();
		await expect.poll(() => admin.getByLabel('Client-ID').inputValue()).toBe('regioportaal');
		expect(await admin.getByLabel('Client-secret').inputValue()).toBe('');
		expect(await admin.content()).not.toContain('geheim-van-leiden');
		await expectNoAxeViolations(admin);
		await expectFitsPhone(admin);
	});

	it('a klankbordgroep member signs in with it (linked by e-mail, then by subject) and logs out', async () => {
		const page = await newPage();
		await page.goto('/inloggen');
		await expectNoAxeViolations(page);
		const sub = 'leiden-medewerker-4711';
		provider.claims = person(email('klankbord.leiden'), { sub });
		await signInWithProvider(page);
		expect(new URL(page.url()).pathname).toBe('/');
		await expect
			.poll(() =>
				page
					.getByText(/Ingelogd als/)
					.first()
					.innerText()
			)
			.toContain('Anouk de Vries');
		expect(await hasSession(page)).toBe(true);

		await page.getByRole('button', { name: 'Uitloggen' }).click();
		await page.waitForURL((u) => u.pathname === '/inloggen');
		expect(await hasSession(page)).toBe(false);

		// The provider changed the address; the subject still finds the same person.
		provider.claims = person('nieuw.adres@demo.regioportaal.nl', { sub });
		await signInWithProvider(page);
		expect(new URL(page.url()).pathname).toBe('/');
		expect(await hasSession(page)).toBe(true);
	});

	it('a college member whose provider reports multi-factor needs no portal code; without it, the portal asks for its own', async () => {
		const withMfa = await newPage();
		provider.claims = person(email('college.leiden'), { sub: 'college-leiden', amr: ['pwd', 'mfa'] });
		await signInWithProvider(withMfa);
		expect(new URL(withMfa.url()).pathname).toBe('/');

		const without = await newPage();
		provider.claims = person(email('college.leiden'), { sub: 'college-leiden', amr: ['pwd'] });
		await signInWithProvider(without);
		expect(new URL(without.url()).pathname).toMatch(/^\/(account\/tweestaps-instellen|inloggen\/tweestaps)/);
	});

	it('refuses an address outside the allowed domains and a token for another audience, in Dutch, without a session', async () => {
		const page = await newPage(390);
		provider.claims = person('iemand@elders.nl');
		await signInWithProvider(page);
		expect(new URL(page.url()).pathname).toBe('/inloggen');
		await expect
			.poll(() => page.locator('main [role="alert"]').innerText())
			.toContain('Het e-mailadres van uw gemeente-account valt niet onder de e-maildomeinen van deze gemeente.');
		expect(await hasSession(page)).toBe(false);
		await expectNoAxeViolations(page);
		await expectFitsPhone(page);

		provider.claims = person(email('klankbord.leiden'), { sub: 'leiden-medewerker-4711' });
		provider.next = { aud: 'een-andere-toepassing' };
		await signInWithProvider(page);
		expect(new URL(page.url()).pathname).toBe('/inloggen');
		await expect.poll(() => page.locator('main [role="alert"]').innerText()).toContain('niet geldig en is geweigerd');
		expect(await hasSession(page)).toBe(false);
	});

	it('the administrator sees how each person signs in and when last', async () => {
		await admin.goto('/beheer/gebruikers');
		const row = admin.getByRole('row', { name: new RegExp(email('klankbord.leiden').replace(/\./g, '\\.')) });
		await expect.poll(() => row.innerText()).toMatch(/Gemeente-account \(Leiden\)/);
		await expectNoAxeViolations(admin);
	});

	it("the administrator ends a person's link after confirming, which ends their sessions", async () => {
		const member = await newPage();
		provider.claims = person(email('klankbord.leiden'), { sub: 'leiden-medewerker-4711' });
		await signInWithProvider(member);
		expect(await hasSession(member)).toBe(true);
		await admin.goto('/beheer/gebruikers');
		await admin
			.getByRole('row', { name: new RegExp(email('klankbord.leiden').replace(/\./g, '\\.')) })
			.getByRole('link')
			.first()
			.click();
		await expect.poll(() => admin.getByRole('heading', { name: 'Gemeente-accounts' }).count()).toBe(1);
		await admin.getByRole('button', { name: 'Koppeling met Leiden verbreken…' }).click();
		await expect.poll(() => admin.getByRole('heading', { level: 3 }).first().innerText()).toMatch(/Koppeling van .* met Leiden verbreken\?/);
		await expectNoAxeViolations(admin);
		await admin.getByRole('button', { name: 'Ja, koppeling verbreken' }).click();
		await expect.poll(() => admin.getByText('De koppeling is verbroken').count()).toBe(1);
		expect(await admin.getByRole('heading', { name: 'Gemeente-accounts' }).count()).toBe(0);
		// The member's open page is told over its live connection and leaves for the login page by itself; only
		// then ask for a page again (a navigation started meanwhile would be replaced by the page's own).
		await member.waitForURL((u) => u.pathname === '/inloggen', { waitUntil: 'load' });
		await member.goto('/agenda');
		expect(new URL(member.url()).pathname).toBe('/inloggen');
		expect(await hasSession(member)).toBe(false);
	});

	it('the administrator removes the service after confirming; the login page no longer offers it', async () => {
		await admin.goto('/beheer/inlogdiensten');
		await admin
			.getByRole('row', { name: /Leiden/ })
			.getByRole('link', { name: 'Leiden' })
			.click();
		await admin.getByText('Inlogdienst verwijderen…').click();
		await expect.poll(() => admin.getByText(/gekoppeld aan de inlogdienst van Leiden/).innerText()).toMatch(/^Eén persoon/);
		await expectNoAxeViolations(admin);
		await admin.getByRole('button', { name: 'Ja, inlogdienst verwijderen' }).click();
		await admin.waitForURL((u) => u.pathname === '/beheer/inlogdiensten');
		const page = await newPage();
		await page.goto('/inloggen');
		await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Inloggen');
		expect(await page.getByRole('link', { name: BUTTON }).count()).toBe(0);
	});
});
