/**
 * Proof of a full sign-off round: five college members (five browser contexts, each enrolling
 * TOTP first) sign one item for their municipality while a sixth browser watches the position matrix and
 * the item page update live; the item becomes vastgesteld. An edit afterwards voids the five signatures
 * and everyone sees it. Runs its own production server (own DATA_DIR), so no other test's accounts matter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connectBrowser } from './support/browser';
import { email } from './support/accounts';
import { enrolTotp, login, submitTotp } from './support/auth';
import { startServer, type RunningServer } from './support/server';
import { expectConnected } from './support/pages';

const ITEM = 'Economie071 en LAB071 voortzetten';
const FIVE = ['leiden', 'leiderdorp', 'oegstgeest', 'voorschoten', 'zoeterwoude'];

let browser: Browser;
let server: RunningServer;
const dataDir = mkdtempSync(path.join(tmpdir(), 'rp-e2e-decisions-'));
const contexts: BrowserContext[] = [];
let verkenner: Page;
let watcherMatrix: Page;
let watcherItem: Page;
const college: Record<string, { page: Page; key: Uint8Array }> = {};
let itemPath = '';

async function newPage(): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.url, locale: 'nl-NL' });
	contexts.push(context);
	const page = await context.newPage();
	watchErrors(page);
	return page;
}

/** Script errors and CSP refusals in any page of this test fail it loudly (printed with the failure). */
const pageErrors: string[] = [];
function watchErrors(page: Page) {
	page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
	page.on('console', (msg) => {
		if (msg.type() === 'error') pageErrors.push(`${page.url()}: ${msg.text()}`);
	});
}

const statusOf = (p: Page) => p.locator('ol.steps li[aria-current="step"]').innerText();
const signOffs = (p: Page) => p.getByTestId('signoffs').locator('li[data-municipality]');

beforeAll(async () => {
	browser = await connectBrowser();
	server = await startServer({ dataDir });
	verkenner = await newPage();
	await login(verkenner, email('verkenner'));
	await verkenner.goto('/agenda');
	await verkenner.getByRole('link', { name: ITEM }).first().click();
	await verkenner.waitForURL(/\/agenda\/[0-9a-f-]{36}$/);
	itemPath = new URL(verkenner.url()).pathname;

	const watcher = await newPage();
	await login(watcher, email('klankbord.leiden'));
	watcherMatrix = watcher;
	watcherItem = await watcher.context().newPage();
	watchErrors(watcherItem);
	await watcherMatrix.goto('/standpunten');
	await watcherItem.goto(itemPath);

	for (const m of FIVE) {
		const page = await newPage();
		await login(page, email(`college.${m}`));
		const key = await enrolTotp(page);
		college[m] = { page, key };
	}
}, 300_000);

afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
	await server?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('a full sign-off round', () => {
	it('the verkenner sets a position and readies the item; the watcher sees it live', async () => {
		const row = watcherMatrix.locator('tr', { has: watcherMatrix.getByRole('link', { name: ITEM }) });
		await expect.poll(() => row.count()).toBe(1);

		// A klankbordgroep position (the watcher's own) changes the matrix in the watcher's other tab.
		await watcherItem.getByLabel('Standpunt', { exact: true }).selectOption('steunt');
		await watcherItem.getByRole('button', { name: 'Standpunt opslaan' }).click();
		await expect.poll(() => row.locator('td[data-municipality="leiden"]').innerText(), { timeout: 15_000 }).toContain('Steunt');

		await verkenner.getByRole('button', { name: 'Gereed melden voor besluitvorming' }).click();
		await expect.poll(() => statusOf(verkenner), { timeout: 15_000 }).toContain('Gereed voor besluitvorming');
		await expect
			.poll(() => statusOf(watcherItem), { timeout: 15_000 })
			.toContain('Gereed voor besluitvorming')
			.catch(async (err) => {
				await watcherItem.reload();
				throw new Error(`watcher not live; after reload: ${await statusOf(watcherItem)}; page errors: ${pageErrors.join(' | ')}`, { cause: err });
			});
	});

	it('five colleges sign; the item becomes vastgesteld, live in the sixth browser', async () => {
		for (const [i, m] of FIVE.entries()) {
			const { page, key } = college[m];
			await page.goto(itemPath);
			const stepUp = page.getByRole('link', { name: 'Nu bevestigen' });
			if (await stepUp.isVisible()) {
				await stepUp.click();
				await submitTotp(page, key);
				await page.goto(itemPath);
			}
			// The confirmation step runs in the page's script: wait until it is hydrated (and live).
			await expectConnected(page);
			await page.getByLabel('Kenmerk').fill(`Z/26/${1000 + i}`);
			const form = page.getByTestId('signoff-form');
			if (i === 0) {
				// The form shows what is signed (version, short hash, the text) and starts without an answer.
				expect(await form.getByTestId('signoff-version').innerText()).toMatch(/versie \d+ \(SHA-256 [0-9a-f]{12}…\)/);
				expect(await form.getByTestId('signoff-text-title').innerText()).toContain(ITEM);
				expect(await form.locator('input[name="decision"]:checked').count()).toBe(0);
				await page.getByRole('button', { name: 'Collegebesluit vastleggen' }).click();
				await expect.poll(() => form.getByText('Kies het besluit van het college.').count()).toBe(1);
				expect(await signOffs(page).count()).toBe(0);
			}
			await form.getByRole('radio', { name: 'Akkoord', exact: true }).check();
			await page.getByRole('button', { name: 'Collegebesluit vastleggen' }).click();
			// A confirmation step names what is signed, for whom; nothing is sent before it.
			const confirm = form.getByTestId('signoff-confirm');
			await expect.poll(() => confirm.innerText()).toMatch(/U tekent namens het college van .+: Akkoord op versie \d+ \(hash [0-9a-f]{12}…\)/);
			// Screenshots of the form for a human to look at (only when asked: SIGNOFF_SCREENSHOTS=<dir>).
			if (i === 0 && process.env.SIGNOFF_SCREENSHOTS) {
				for (const width of [1280, 390]) {
					await page.setViewportSize({ width, height: 900 });
					await form.screenshot({ path: path.join(process.env.SIGNOFF_SCREENSHOTS, `signoff-${width}.png`) });
				}
				await page.setViewportSize({ width: 1280, height: 900 });
			}
			if (i === 0) {
				// Nothing was sent before confirming.
				await page.waitForTimeout(500);
				expect(await signOffs(page).count()).toBe(0);
				expect(await form.getByText('Kies het besluit van het college.').count()).toBe(0);
				await confirm.getByRole('button', { name: 'Terug' }).click();
				expect(await form.getByTestId('signoff-confirm').count()).toBe(0);
				await page.getByRole('button', { name: 'Collegebesluit vastleggen' }).click();
			}
			await form.getByTestId('signoff-confirm').getByRole('button', { name: 'Bevestigen' }).click();
			await expect
				.poll(() => signOffs(page).count(), { timeout: 15_000 })
				.toBe(i + 1)
				.catch(async (err) => {
					throw new Error(`${m} could not sign; page errors: ${pageErrors.join(' | ')}`, { cause: err });
				});
			await expect.poll(() => signOffs(watcherItem).count(), { timeout: 15_000 }).toBe(i + 1);
		}
		await expect.poll(() => statusOf(watcherItem), { timeout: 15_000 }).toContain('Vastgesteld');
		const row = watcherMatrix.locator('tr', { has: watcherMatrix.getByRole('link', { name: ITEM }) });
		await expect.poll(() => row.innerText(), { timeout: 15_000 }).toContain('Vastgesteld');
		// Every signature verifies against the stored version.
		expect(await watcherItem.getByText(/Handtekening klopt:/).count()).toBe(5);
	}, 120_000);

	it('an edit afterwards voids all five signatures, and everyone sees it', async () => {
		await verkenner.goto(itemPath);
		await verkenner.getByRole('button', { name: /^Wijzigen Algemeen/ }).click();
		await verkenner.locator('#veld-title').fill(`${ITEM} (herzien)`);
		await verkenner.getByRole('button', { name: 'Opslaan' }).first().click();
		for (const p of [watcherItem, verkenner, ...FIVE.map((m) => college[m].page)]) {
			await expect.poll(() => p.locator('[data-testid="signoffs"] li[data-voided="true"]').count(), { timeout: 20_000 }).toBe(5);
			await expect.poll(() => statusOf(p), { timeout: 15_000 }).toContain('In bespreking');
		}
		expect(await watcherItem.getByText(/Vervallen op .*tekst gewijzigd/).count()).toBe(5);
	});
});
