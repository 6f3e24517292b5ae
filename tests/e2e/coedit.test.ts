/**
 * Proof of co-editing: two people (two browsers, two accounts) type at the same time in the
 * same description; both see both texts, after a reload, and after the server restarts. Then one
 * browser goes offline while both keep typing; on reconnect the texts converge with nothing lost.
 * Runs its own production server (own DATA_DIR) so it can restart it without touching other files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connectBrowser } from './support/browser';
import { email } from './support/accounts';
import { login } from './support/auth';
import { startServer, type RunningServer } from './support/server';
import { untilEditorShows } from './support/item-page';

let browser: Browser;
let server: RunningServer;
const dataDir = mkdtempSync(path.join(tmpdir(), 'rp-e2e-coedit-'));
const contexts: BrowserContext[] = [];
let a: Page;
let b: Page;
let itemPath = '';

const description = (p: Page) => p.getByRole('region', { name: 'Beschrijving' }).locator('.collab-editor');
/** The document's text, without the other editors' caret name labels that sit in the DOM. */
const textOf = (p: Page) =>
	description(p).evaluate((el) => {
		const copy = el.cloneNode(true) as HTMLElement;
		copy.querySelectorAll('.collab-caret').forEach((c) => c.remove());
		return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
	});
async function openItem(p: Page, base: string) {
	await p.goto(new URL(itemPath, base).toString());
	await description(p).waitFor({ state: 'visible', timeout: 20_000 });
	await p.waitForFunction(() => document.querySelector('.collab-editor')?.getAttribute('contenteditable') === 'true', undefined, { timeout: 20_000 });
}
beforeAll(async () => {
	browser = await connectBrowser();
	server = await startServer({ dataDir });
	for (const account of [email('verkenner'), email('klankbord.leiden')]) {
		const context = await browser.newContext({ baseURL: server.url, locale: 'nl-NL' });
		contexts.push(context);
		const page = await context.newPage();
		await login(page, account);
		account.startsWith('verkenner') ? (a = page) : (b = page);
	}
	await a.goto('/agenda');
	const href = await a
		.locator('main a[href^="/agenda/"]')
		.evaluateAll((els) => els.map((e) => e.getAttribute('href')).find((h) => /^\/agenda\/[0-9a-f-]{36}$/.test(h ?? '')));
	if (!href) throw new Error('no agenda item in the demo data');
	itemPath = href;
	await Promise.all([openItem(a, server.url), openItem(b, server.url)]);
});

afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
	await server?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('co-editing a description', () => {
	it('two people typing at the same time both see both texts', async () => {
		await description(a).click();
		await a.keyboard.press('Control+End');
		await description(b).click();
		await b.keyboard.press('Control+End');
		await Promise.all([a.keyboard.type(' Anouk schrijft over woningbouw.', { delay: 15 }), b.keyboard.type(' Joost vult aan over groen.', { delay: 15 })]);
		await Promise.all([
			untilEditorShows(a, 'Anouk schrijft over woningbouw.', 'Joost vult aan over groen.'),
			untilEditorShows(b, 'Anouk schrijft over woningbouw.', 'Joost vult aan over groen.')
		]);
		expect(await textOf(a)).toBe(await textOf(b));
	});

	it('shows the same text after a reload', async () => {
		const before = await textOf(a);
		await openItem(b, server.url);
		await untilEditorShows(b, 'Anouk schrijft over woningbouw.', 'Joost vult aan over groen.');
		expect(await textOf(b)).toBe(before);
	});

	it('shows the same text after the server restarts', async () => {
		const before = await textOf(a);
		// Give the server its pause-in-editing moment to persist, then stop it gracefully.
		await a.waitForTimeout(500);
		await server.stop();
		server = await startServer({ dataDir });
		await Promise.all([openItem(a, server.url), openItem(b, server.url)]);
		await Promise.all([
			untilEditorShows(a, 'Anouk schrijft over woningbouw.', 'Joost vult aan over groen.'),
			untilEditorShows(b, 'Anouk schrijft over woningbouw.')
		]);
		expect(await textOf(a)).toBe(before);
		expect(await textOf(b)).toBe(before);
	});

	it('merges what an offline editor typed with what the other typed meanwhile', async () => {
		const context = b.context();
		await context.setOffline(true);
		await description(b).click();
		await b.keyboard.press('Control+End');
		await b.keyboard.type(' Offline toegevoegd door Joost.', { delay: 10 });
		await description(a).click();
		await a.keyboard.press('Control+End');
		await a.keyboard.type(' Online toegevoegd door Anouk.', { delay: 10 });
		await untilEditorShows(a, 'Online toegevoegd door Anouk.');
		await context.setOffline(false);
		const all = ['Offline toegevoegd door Joost.', 'Online toegevoegd door Anouk.', 'Anouk schrijft over woningbouw.'];
		await Promise.all([untilEditorShows(a, ...all), untilEditorShows(b, ...all)]);
		expect(await textOf(a)).toBe(await textOf(b));
	});
});
