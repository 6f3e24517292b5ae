/**
 * The signed-in controls that decide what is public, in Chromium against its own server (own DATA_DIR, demo
 * data): the verkenner makes a concept item public by keyboard, through the confirmation that says what the
 * public will see, and takes it back in a browser without JavaScript (the page says so each time; an anonymous
 * `GET /openbaar/agenda/{id}` answers 404, 200, 404); a Leiden klankbordgroep member shares a position with the
 * checkbox and the item page and the positions overview mark it shared; the verkenner takes a closed session's
 * highlights off the public site and publishes them again (anonymous `GET /openbaar/sessies/{id}` 404 then
 * 200) while the member's open session page follows; the member sees no publish buttons. axe finds nothing on
 * the pages with the controls, open and closed; at 390 px nothing scrolls sideways.
 * `PUBLISH_SCREENSHOTS=<dir>` saves the controls at 1280 and 390 px.
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
import { openDecisionsTab } from './support/item-page';
import { expectFitsPhone, PHONE } from './support/phone';
import { startServer, type RunningServer } from './support/server';

const CONCEPT = 'Studenten- en expathuisvesting voor de Kennisstad';
const DISCUSSED = 'Economie071 en LAB071 voortzetten';
const HELD = 'Klankbordgroep Leidse regio: woningbouw en sociaal domein';

let browser: Browser;
let server: RunningServer;
const dataDir = mkdtempSync(path.join(tmpdir(), 'rp-e2e-publish-'));
const contexts: BrowserContext[] = [];
let verkenner: Page;
let member: Page;
const pageErrors: string[] = [];

async function pageAs(account: string, opts: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.url, locale: 'nl-NL', viewport: { width: 1280, height: 900 }, ...opts });
	contexts.push(context);
	const page = await context.newPage();
	page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
	await login(page, email(account));
	return page;
}

/** The href of the link named `name` on `list` (the agenda overview, the sessions list). */
async function pathOf(p: Page, list: string, name: string): Promise<string> {
	await p.goto(list);
	const href = await p.getByRole('link', { name, exact: true }).first().getAttribute('href');
	if (!href) throw new Error(`no link "${name}" on ${list}`);
	return href;
}

/** What an anonymous visitor gets for a public address (no cookie, no redirect followed). */
const anonymous = async (address: string) => (await fetch(new URL(address, server.url), { redirect: 'manual' })).status;

const publication = (p: Page) => p.getByTestId('publication');
const statusLine = (p: Page) => p.getByTestId('publication-status');

async function screenshots(p: Page, name: string, part?: Locator) {
	const dir = process.env.PUBLISH_SCREENSHOTS;
	if (!dir) return;
	for (const width of [1280, PHONE.width]) {
		await p.setViewportSize({ width, height: 900 });
		const file = path.join(dir, `${name}-${width}.png`);
		await (part ? part.screenshot({ path: file }) : p.screenshot({ path: file, fullPage: true }));
	}
	await p.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(async () => {
	browser = await connectBrowser();
	server = await startServer({ dataDir });
	verkenner = await pageAs('verkenner');
	member = await pageAs('klankbord.leiden');
}, 180_000);

afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
	await server?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('making an item public', () => {
	it('the verkenner makes a concept item public by keyboard and takes it back without JavaScript; the public page follows', async () => {
		const itemPath = await pathOf(verkenner, '/agenda', CONCEPT);
		const publicPath = `/openbaar/agenda/${itemPath.split('/').at(-1)}`;
		await verkenner.goto(itemPath);
		await expect.poll(() => statusLine(verkenner).innerText()).toBe('Niet openbaar');
		await expect.poll(() => publication(verkenner).getByRole('link', { name: 'Bekijk de openbare pagina' }).count()).toBe(0);
		expect(await anonymous(publicPath)).toBe(404);
		await expectNoAxeViolations(verkenner);

		// The confirmation says what the public will see, and that comments never are.
		const open = publication(verkenner).locator('summary', { hasText: 'Openbaar maken' });
		await open.focus();
		await verkenner.keyboard.press('Enter');
		const confirm = publication(verkenner).getByRole('button', { name: 'Ja, openbaar maken' });
		await confirm.waitFor();
		const explanation = await publication(verkenner).locator('form p').innerText();
		for (const part of ['de titel', 'de samenvatting', 'de laatst vastgelegde versie', 'openbaar delen', 'de besluiten', 'Reacties zijn nooit openbaar'])
			expect(explanation).toContain(part);
		await expectNoAxeViolations(verkenner);
		await screenshots(verkenner, 'item-confirm');
		await expectFitsPhone(verkenner);
		await confirm.focus();
		await verkenner.keyboard.press('Enter');

		await publication(verkenner).getByText('Het agendapunt is openbaar gemaakt.').waitFor();
		await expect.poll(() => statusLine(verkenner).innerText()).toMatch(/^Openbaar sinds \d{1,2} \w+ 20\d\d/);
		// The answer takes focus, so a screen reader hears it.
		expect(await verkenner.evaluate(() => document.activeElement?.textContent)).toBe('Het agendapunt is openbaar gemaakt.');
		expect(await publication(verkenner).getByRole('link', { name: 'Bekijk de openbare pagina' }).getAttribute('href')).toBe(publicPath);
		expect(await anonymous(publicPath)).toBe(200);
		await expectNoAxeViolations(verkenner);
		await screenshots(verkenner, 'item-public');

		// Everyone else sees the status and the link, and no button.
		await member.goto(itemPath);
		await expect.poll(() => statusLine(member).innerText()).toMatch(/^Openbaar sinds/);
		expect(await publication(member).getByRole('link', { name: 'Bekijk de openbare pagina' }).count()).toBe(1);
		expect(await publication(member).locator('summary, button').count()).toBe(0);

		// Taking it back works as a plain form post (no JavaScript).
		const plain = await pageAs('verkenner', { javaScriptEnabled: false });
		await plain.goto(itemPath);
		await plain.locator('[data-testid="publication"] summary', { hasText: 'Niet meer openbaar' }).click();
		const back = plain.getByRole('button', { name: 'Ja, niet meer openbaar' });
		await Promise.all([plain.waitForLoadState('load'), back.click()]);
		await plain.getByText('Het agendapunt is niet meer openbaar.').waitFor();
		expect(await statusLine(plain).innerText()).toBe('Niet openbaar');
		expect(await anonymous(publicPath)).toBe(404);
		// The open page of the verkenner follows (the item page reloads on item:changed).
		await expect.poll(() => statusLine(verkenner).innerText(), { timeout: 10_000 }).toBe('Niet openbaar');
	});

	it('an adopted item says it is public from vastgesteld on, and cannot be taken back', async () => {
		await verkenner.goto(await pathOf(verkenner, '/agenda', 'Regionale Omgevingsvisie Hart van Holland: bereikbaarheid'));
		await expect.poll(() => statusLine(verkenner).innerText()).toBe('Openbaar vanaf vastgesteld');
		expect(await publication(verkenner).getByText('Een vastgesteld agendapunt blijft altijd openbaar.').count()).toBe(1);
		expect(await publication(verkenner).locator('summary, button').count()).toBe(0);
	});
});

describe('sharing a position', () => {
	it('a Leiden klankbordgroep member shares a position with the checkbox; the item page and the overview mark it', async () => {
		const itemPath = await pathOf(member, '/agenda', DISCUSSED);
		const itemId = itemPath.split('/').at(-1)!;
		await member.goto(`${itemPath}#besluitvorming`);
		await openDecisionsTab(member);
		const share = member.getByLabel('Dit standpunt openbaar delen');
		expect(await share.isChecked()).toBe(false);
		expect(await member.locator('#pos-shared-hint').innerText()).toContain('zodra het agendapunt openbaar is');
		await member.getByLabel('Standpunt', { exact: true }).selectOption('steunt');
		await share.check();
		await expectNoAxeViolations(member);
		await screenshots(member, 'position-form', member.locator('form.decision-form').first());
		await member.getByRole('button', { name: 'Standpunt opslaan' }).click();
		const leiden = member.locator('table.positions tr[data-municipality="leiden"]');
		await leiden.getByTestId('shared-position').waitFor();
		expect(await leiden.innerText()).toContain('openbaar');
		expect(await member.locator('table.positions [data-testid="shared-position"]').count()).toBe(1);

		// After a reload the checkbox shows the position as shared.
		await member.reload();
		await openDecisionsTab(member);
		expect(await member.getByLabel('Dit standpunt openbaar delen').isChecked()).toBe(true);
		await expectFitsPhone(member);

		await member.goto('/standpunten');
		const cell = member.locator(`tr[data-item="${itemId}"] td[data-municipality="leiden"]`);
		expect(await cell.getByTestId('shared-position').count()).toBe(1);
		expect(await member.locator(`tr[data-item="${itemId}"] [data-testid="shared-position"]`).count()).toBe(1);
		await expectNoAxeViolations(member);
	});
});

describe("a closed session's highlights", () => {
	it('the verkenner takes them off the public site and publishes them again; the member sees the status follow, without buttons', async () => {
		const sessionPath = await pathOf(verkenner, '/sessies', HELD);
		const publicPath = `/openbaar/sessies/${sessionPath.split('/').at(-1)}`;
		await verkenner.goto(sessionPath);
		await member.goto(sessionPath);
		// The demo session's highlights are published.
		await expect.poll(() => statusLine(verkenner).innerText()).toMatch(/^De highlights zijn openbaar sinds/);
		expect(await publication(verkenner).getByRole('link', { name: 'Bekijk de openbare sessiepagina' }).getAttribute('href')).toBe(publicPath);
		expect(await anonymous(publicPath)).toBe(200);
		expect(await publication(member).locator('summary, button').count()).toBe(0);
		await expectNoAxeViolations(verkenner);

		await publication(verkenner).locator('summary', { hasText: 'Niet meer openbaar' }).click();
		expect(await publication(verkenner).locator('form p').innerText()).toContain('De openbare sessiepagina verdwijnt');
		await expectNoAxeViolations(verkenner);
		await screenshots(verkenner, 'session-confirm', publication(verkenner));
		await expectFitsPhone(verkenner);
		await publication(verkenner).getByRole('button', { name: 'Ja, niet meer openbaar' }).click();
		await publication(verkenner).getByText('De highlights zijn niet meer openbaar.').waitFor();
		expect(await statusLine(verkenner).innerText()).toBe('De highlights zijn niet openbaar.');
		expect(await anonymous(publicPath)).toBe(404);
		// The member's open page follows the live session.
		await expect.poll(() => statusLine(member).innerText(), { timeout: 10_000 }).toBe('De highlights zijn niet openbaar.');
		expect(await publication(member).getByRole('link').count()).toBe(0);

		await publication(verkenner).locator('summary', { hasText: 'Highlights openbaar maken' }).click();
		// The confirmation says what the public will see, and what stays internal.
		expect(await publication(verkenner).locator('form p').innerText()).toContain('Actiepunten, aanwezigen en reacties blijven intern');
		await publication(verkenner).getByRole('button', { name: 'Ja, openbaar maken' }).click();
		await publication(verkenner).getByText('De highlights zijn openbaar gemaakt.').waitFor();
		expect(await statusLine(verkenner).innerText()).toMatch(/^De highlights zijn openbaar sinds/);
		expect(await anonymous(publicPath)).toBe(200);
		await expect.poll(() => statusLine(member).innerText(), { timeout: 10_000 }).toMatch(/^De highlights zijn openbaar sinds/);
		await expectNoAxeViolations(verkenner);
		await expectNoAxeViolations(member);
	});

	it('no script errors on any page', () => {
		expect(pageErrors).toEqual([]);
	});
});
