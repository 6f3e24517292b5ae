/**
 * The register's journey on the demo data, in Chromium against its own server (own DATA_DIR, demo data):
 * Zoeterwoude's ambtelijk adviseur finds Holland Rijnland's coming AB meeting from the register and writes
 * Zoeterwoude's cover note for it (internal); Zoeterwoude's klankbordgroep member reads it, Leiden's griffie
 * does not; Zoeterwoude's griffie finds the zienswijze deadline next month and the passed one on the
 * dashboard, and downloads the half-yearly report as a PDF that holds them. axe finds nothing on each page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { connectBrowser } from './support/browser';
import { email } from './support/accounts';
import { login } from './support/auth';
import { expectNoAxeViolations } from './support/axe';
import { startServer, type RunningServer } from './support/server';
import { demoDay } from '../../src/lib/server/seed/demo-agenda';

const NOTE = {
	agenda: 'De ontwerpbegroting en de kadernota van Holland Rijnland.',
	relevance: 'De bijdrage van Zoeterwoude stijgt; de raad wil de stijging beperken tot de index.',
	proposedInput: 'Vraag hoe de stijging boven de index wordt gedekt.'
};

let browser: Browser;
let server: RunningServer;
const dataDir = mkdtempSync(path.join(tmpdir(), 'rp-e2e-register-journey-'));
const contexts: BrowserContext[] = [];
let meetingPath = '';

async function pageAs(account: string): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.url, locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
	contexts.push(context);
	const page = await context.newPage();
	await login(page, email(account));
	return page;
}

const dutchDate = (iso: string) =>
	new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));

describe('the register of joint arrangements, as its users go through it', () => {
	beforeAll(async () => {
		server = await startServer({ dataDir });
		browser = await connectBrowser();
	}, 120_000);

	afterAll(async () => {
		for (const c of contexts) await c.close();
		await browser?.close();
		await server?.stop();
		rmSync(dataDir, { recursive: true, force: true });
	});

	it('an adviseur writes the cover note for the coming AB meeting, found from the register', async () => {
		const p = await pageAs('adviseur.zoeterwoude');
		// The start page's overview links to the arrangement too: wait for the register itself.
		await Promise.all([p.waitForURL((u) => u.pathname === '/samenwerkingen'), p.getByRole('navigation').getByRole('link', { name: 'Samenwerkingen' }).click()]);
		await p.getByRole('link', { name: 'Holland Rijnland', exact: true }).click();
		await expectNoAxeViolations(p);
		const meetings = p.getByRole('region', { name: 'Bestuursvergaderingen' });
		await meetings.getByRole('link', { name: /^Algemeen bestuur van / }).click();
		await p.waitForURL(/\/vergaderingen\/[0-9a-f-]{36}$/);
		meetingPath = new URL(p.url()).pathname;
		const note = p.getByRole('article', { name: 'Oplegnotitie Zoeterwoude' });
		await note.getByLabel('Wat staat er op de agenda').fill(NOTE.agenda);
		await note.getByLabel('Wat is van belang voor de gemeente').fill(NOTE.relevance);
		await note.getByLabel('Voorgestelde inbreng voor het bestuurslid').fill(NOTE.proposedInput);
		await note.getByRole('button', { name: 'Oplegnotitie opslaan' }).click();
		await note.getByText('De oplegnotitie is opgeslagen.').waitFor();
		expect(await note.getByText('Intern: alleen zichtbaar voor de eigen gemeente').count()).toBe(1);
		await expectNoAxeViolations(p);
	});

	it('the council member of the same municipality reads it; another municipality’s griffie does not', async () => {
		const member = await pageAs('klankbord.zoeterwoude');
		await member.goto(meetingPath);
		const note = member.getByRole('article', { name: 'Oplegnotitie Zoeterwoude' });
		for (const text of Object.values(NOTE)) await note.getByText(text).waitFor();
		expect(await note.getByRole('button', { name: 'Oplegnotitie opslaan' }).count()).toBe(0);
		await expectNoAxeViolations(member);
		const other = await pageAs('griffie.leiden');
		await other.goto(meetingPath);
		await other.getByRole('article', { name: 'Oplegnotitie Zoeterwoude' }).waitFor();
		expect(await other.content()).not.toContain(NOTE.relevance);
	});

	it('the griffie finds the zienswijze deadline on the dashboard and downloads the half-yearly report with it', async () => {
		const p = await pageAs('griffie.zoeterwoude');
		await p.goto('/samenwerkingen');
		await p.getByRole('link', { name: 'Dashboard' }).click();
		await p.waitForURL(/\/samenwerkingen\/dashboard$/);
		expect(await p.getByRole('heading', { level: 1 }).innerText()).toBe('Dashboard samenwerkingen Zoeterwoude');
		const upcoming = p.getByRole('region', { name: /^Besluitmomenten tot en met / });
		const deadline = upcoming.getByRole('row').filter({ hasText: 'Termijn zienswijze' }).filter({ hasText: 'Holland Rijnland' });
		expect(await deadline.innerText()).toContain(dutchDate(demoDay(24)));
		const overdue = p.getByRole('region', { name: 'Verlopen zienswijzen' });
		expect(await overdue.getByRole('row').filter({ hasText: 'Servicepunt71' }).innerText()).toContain(dutchDate(demoDay(-3)));
		await expectNoAxeViolations(p);

		await p.getByRole('link', { name: 'Halfjaarrapportage opstellen' }).click();
		await p.waitForURL(/\/samenwerkingen\/rapportage/);
		await expectNoAxeViolations(p);
		await p.getByLabel(/^PDF/).check();
		const [file] = (await Promise.all([
			p.waitForEvent('download', { timeout: 30_000 }),
			p.getByRole('button', { name: 'Opstellen en downloaden' }).click()
		])) as [Download, void];
		const chunks: Buffer[] = [];
		for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
		const pdf = Buffer.concat(chunks);
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
		expect(text).toContain('Zoeterwoude');
		expect(text).toContain('Holland Rijnland');
		expect(text).toContain(dutchDate(demoDay(24)));
	});
});
