/**
 * Proof of a full sign-off round: five college members (five browser contexts, each enrolling
 * TOTP first) sign one item for their municipality while a sixth browser watches the position matrix and
 * the item page update live; the item becomes vastgesteld. Its text is then read-only for everyone (a
 * document, not an editor; a klankbordgroep member's forged co-editing update is refused); the verkenner
 * reopens it with a reason, which voids the five signatures, and everyone sees it. Runs its own production server (own DATA_DIR), so no other test's accounts matter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { io } from 'socket.io-client';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { connectBrowser } from './support/browser';
import { email } from './support/accounts';
import { enrolTotp, login } from './support/auth';
import { openToSign } from './support/signing';
import { openDecisionsTab } from './support/item-page';
import { startServer, type RunningServer } from './support/server';

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
	await openDecisionsTab(watcherItem);

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

		// Leiden's college member looks at their start page: only the demo item already up for decision awaits them.
		const leidenStart = college.leiden.page;
		await leidenStart.goto('/');
		await expect.poll(() => leidenStart.getByRole('heading', { level: 2, name: '1 agendapunt wacht op het besluit van uw college' }).count()).toBe(1);
		expect(await leidenStart.getByTestId('work-count').innerText()).toBe('1');
		// In the list of what awaits the college (the region's overview below it names every item).
		const awaiting = leidenStart.locator('section[aria-labelledby="kop-besluit"]');
		expect(await awaiting.getByRole('link', { name: ITEM }).count()).toBe(0);

		await verkenner.getByRole('button', { name: 'Gereed melden voor besluitvorming' }).click();
		// Live, without a reload: the count in the navigation and the list on the start page.
		await expect
			.poll(
				() =>
					leidenStart
						.getByTestId('work-count')
						.innerText()
						.catch(() => ''),
				{ timeout: 15_000 }
			)
			.toBe('2');
		await expect
			.poll(() => leidenStart.getByRole('heading', { level: 2, name: '2 agendapunten wachten op het besluit van uw college' }).count(), { timeout: 15_000 })
			.toBe(1);
		expect(await awaiting.getByRole('link', { name: ITEM }).count()).toBe(1);
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
			await openToSign(page, itemPath, key);
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
					const shown = await page.locator('.alert, [role="alert"], .error').allInnerTexts();
					throw new Error(`${m} could not sign; page says: ${shown.join(' | ')}; page errors: ${pageErrors.join(' | ')}`, { cause: err });
				});
			await expect.poll(() => signOffs(watcherItem).count(), { timeout: 15_000 }).toBe(i + 1);
		}
		await expect.poll(() => statusOf(watcherItem), { timeout: 15_000 }).toContain('Vastgesteld');
		const row = watcherMatrix.locator('tr', { has: watcherMatrix.getByRole('link', { name: ITEM }) });
		await expect.poll(() => row.innerText(), { timeout: 15_000 }).toContain('Vastgesteld');
		// Every signature verifies against the stored version.
		expect(await watcherItem.getByText(/Handtekening klopt:/).count()).toBe(5);
	}, 120_000);

	it('the adopted text is read-only for everyone, and a forged co-editing update is refused', async () => {
		for (const p of [verkenner, watcherItem]) {
			await p.goto(itemPath);
			await expect.poll(() => p.locator('[data-frozen-field="description"]').count(), { timeout: 15_000 }).toBe(1);
			expect(await p.locator('.collab-editor').count()).toBe(0);
			expect(await p.getByRole('button', { name: /^Wijzigen Algemeen/ }).count()).toBe(0);
		}
		// A klankbordgroep member's socket sends a change anyway, as a modified client could.
		const cookie = (await watcherItem.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
		const socket = io(server.url, { transports: ['websocket'], extraHeaders: { origin: server.url, cookie }, forceNew: true });
		try {
			const itemId = itemPath.split('/').pop();
			const join = await socket.timeout(10_000).emitWithAck('collab:join', { itemId, field: 'description' });
			expect(join).toMatchObject({ ok: true, data: { canEdit: true } });
			const doc = new Y.Doc();
			const paragraph = new Y.XmlElement('paragraph');
			paragraph.insert(0, [new Y.XmlText('Toch gewijzigd')]);
			doc.getXmlFragment('description').insert(0, [paragraph]);
			const enc = encoding.createEncoder();
			syncProtocol.writeUpdate(enc, Y.encodeStateAsUpdate(doc));
			const answer = await socket.timeout(10_000).emitWithAck('collab:sync', { itemId, field: 'description', message: encoding.toUint8Array(enc) });
			expect(answer).toMatchObject({ ok: false, code: 'collab_error_frozen' });
		} finally {
			socket.close();
		}
		await verkenner.reload();
		expect(await verkenner.locator('[data-frozen-field="description"]').innerText()).not.toContain('Toch gewijzigd');
	});

	it('the verkenner reopens with a reason: all five signatures are voided, and everyone sees it', async () => {
		await verkenner.goto(itemPath);
		await verkenner.getByText('Heropenen…').click();
		await expect.poll(() => verkenner.getByText('5 collegebesluiten vervallen').count()).toBe(1);
		await verkenner.getByLabel('Reden van heropenen').fill('De kosten zijn herzien');
		await verkenner.getByRole('button', { name: 'Heropenen', exact: true }).click();
		for (const p of [watcherItem, verkenner, ...FIVE.map((m) => college[m].page)]) {
			await expect.poll(() => p.locator('[data-testid="signoffs"] li[data-voided="true"]').count(), { timeout: 20_000 }).toBe(5);
			await expect.poll(() => statusOf(p), { timeout: 15_000 }).toContain('In bespreking');
		}
		expect(await watcherItem.getByText(/Vervallen op .*heropend/).count()).toBe(5);
		// Each college sees on its start page that its decision was voided, and why.
		for (const m of ['leiden', 'zoeterwoude']) {
			const p = college[m].page;
			await p.goto('/');
			await expect.poll(() => p.getByTestId('voided').innerText(), { timeout: 15_000 }).toMatch(/heropend, door/);
			expect(await p.getByTestId('voided').getByRole('link', { name: ITEM }).count()).toBe(1);
		}
	});
});
