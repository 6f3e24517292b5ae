/**
 * Words and forms as people meet them: one name per thing, short ambition titles, the mention list that
 * says where each person sits, the invitees of a new session preselected, form controls in the portal's
 * style, unique landmark names, titles under 70 characters, the admin navigation on one line at 1280 px.
 * Runs its own server (own DATA_DIR): the administrator enrols a second factor here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connectBrowser } from './support/browser';
import { email } from './support/accounts';
import { enrolTotp, login } from './support/auth';
import { runAxe } from './support/axe';
import { pageShape, shapeProblems } from './support/page-shape';
import { startServer, type RunningServer } from './support/server';

let browser: Browser;
let server: RunningServer;
const dataDir = mkdtempSync(path.join(tmpdir(), 'rp-e2e-words-'));
const contexts: BrowserContext[] = [];

async function pageAs(account: string): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.url, locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
	contexts.push(context);
	const page = await context.newPage();
	await login(page, email(account));
	return page;
}

/** The shape problems of the page that is open (title, landmarks, unstyled controls). */
async function problemsOf(page: Page): Promise<string[]> {
	await runAxe(page);
	return shapeProblems(new URL(page.url()).pathname, await pageShape(page));
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

describe('words and forms', () => {
	let member: Page;
	let verkenner: Page;
	beforeAll(async () => {
		member = await pageAs('klankbord.leiden');
		verkenner = await pageAs('verkenner');
	}, 60_000);

	it('/standpunten: one landmark name each, short ambition titles, a styled "Filteren" button', async () => {
		await member.goto('/standpunten');
		expect(await problemsOf(member)).toEqual([]);
		expect(await member.getByRole('heading', { level: 2 }).first().innerText()).toBe('1. Wonen en groen');
		const button = member.getByRole('button', { name: 'Filteren' });
		expect(await button.count()).toBe(1);
		expect(await button.evaluate((b) => getComputedStyle(b).borderTopStyle)).not.toBe('outset');
	});

	it('the mention list says where each person sits: "name — municipality, role"', async () => {
		await member.goto('/agenda');
		await member.locator('a.item-title').first().click();
		await member.waitForURL(/\/agenda\/[0-9a-f-]{36}$/);
		expect((await member.title()).length).toBeLessThan(70);
		const options = await member.locator('select[id$="-mention"]').first().locator('option').allInnerTexts();
		expect(options.some((o) => /^.+ — Leiden, klankbordgroeplid$/.test(o))).toBe(true);
		expect(options.some((o) => /^.+ — verkenner$/.test(o))).toBe(true);
	});

	it('a new session invites the klankbordgroep members; its title and place fields look like the others', async () => {
		await verkenner.goto('/sessies/nieuw');
		expect(await problemsOf(verkenner)).toEqual([]);
		const boxes = verkenner.locator('input[name="invitees[]"]');
		const states = await boxes.evaluateAll((els) =>
			els.map((el) => ({ checked: (el as HTMLInputElement).checked, text: el.closest('label')?.textContent ?? '' }))
		);
		const members = states.filter((s) => s.text.includes('Klankbordgroeplid'));
		expect(members.length).toBeGreaterThanOrEqual(5);
		expect(members.every((s) => s.checked)).toBe(true);
		expect(states.filter((s) => !s.text.includes('Klankbordgroeplid')).some((s) => s.checked)).toBe(false);
		const look = (label: RegExp | string) =>
			verkenner.getByLabel(label, { exact: typeof label === 'string' }).evaluate((el) => {
				const s = getComputedStyle(el);
				return `${s.borderTopWidth} ${s.borderTopStyle} ${s.minHeight} ${s.paddingLeft}`;
			});
		expect(await look(/^Titel/)).toBe(await look(/^Datum/));
		expect(await look('Plaats')).toBe(await look(/^Datum/));
	});

	it('the administration navigation is one line at 1280 px', async () => {
		const context = await browser.newContext({ baseURL: server.url, locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
		contexts.push(context);
		const admin = await context.newPage();
		await login(admin, email('beheer'));
		await enrolTotp(admin);
		await admin.goto('/beheer/gebruikers');
		const tops = await admin.locator('nav.admin-nav li').evaluateAll((lis) => lis.map((li) => Math.round(li.getBoundingClientRect().top)));
		expect(tops.length).toBeGreaterThanOrEqual(4);
		expect(new Set(tops).size).toBe(1);
		expect(await problemsOf(admin)).toEqual([]);
	});
});
