/**
 * The register's dashboard and half-yearly report in Chromium, on a server of this file's own (its own
 * PostgreSQL database, so the register can be filled through the register's commands before it starts):
 * the dashboard shows a municipality's coming zienswijze deadline and its contribution; the report downloads
 * as a tagged PDF and as a Word file holding the register's figures; axe finds nothing on the dashboard and
 * the report page for the verkenner, a griffie, a meelezer and an ambtelijk adviseur, at 1280 and at 390 px
 * (where nothing scrolls sideways). Screenshots of the dashboard land in test-results/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { createDb } from '../../src/lib/server/db';
import * as register from '../../src/lib/server/modules/register';
import { addMonths } from '../../src/lib/register/dates';
import { amsterdamParts } from '../../src/lib/meetings/time';
import { newUser, TEST_PASSWORD, testOrigin, type NewUser } from '../fixtures/factories';
import { pdfStructure } from '../fixtures/pdf-structure';
import { servicepunt } from '../integration/register/helpers';
import { connectBrowser } from './support/browser';
import { login } from './support/auth';
import { expectNoAxeViolations } from './support/axe';
import { startServer, type RunningServer } from './support/server';
import { createPostgresDatabase, type PostgresDatabase } from './support/postgres';

const PG_SERVER = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : 'postgres://postgres@127.0.0.1:5432/postgres';
const SHOTS = path.resolve('test-results');

let database: PostgresDatabase;
let server: RunningServer;
let browser: Browser;
let dataDir: string;
let people: Record<'verkenner' | 'griffie' | 'meelezer' | 'adviseur', NewUser>;
const today = amsterdamParts(new Date()).date;
const deadline = addMonths(today, 1);

/** The register as the verkenner and Leiden's adviseur fill it: Servicepunt71 with Leiden, its contribution and a zienswijze deadline next month. */
async function fillRegister(url: string) {
	const handle = await createDb({ url, max: 2 });
	try {
		const db = handle.db;
		people = {
			verkenner: await newUser(db, [['verkenner', null]], { email: 'e2e-verkenner@test.regioportaal.nl', name: 'Vera Verkenner' }),
			griffie: await newUser(db, [['griffie', 'leiden']], { email: 'e2e-griffie@test.regioportaal.nl', name: 'Gert Griffie' }),
			meelezer: await newUser(db, [['meelezer', 'leiden']], { email: 'e2e-meelezer@test.regioportaal.nl', name: 'Mia Meelezer' }),
			adviseur: await newUser(db, [['ambtelijkadviseur', 'leiden']], { email: 'e2e-adviseur@test.regioportaal.nl', name: 'Anne Adviseur' })
		};
		const v = people.verkenner.actor;
		const { id } = await register.createCollaboration(db, v, servicepunt({ documents: [] }), testOrigin);
		await register.setParticipants(
			db,
			v,
			{
				collaborationId: id,
				municipalities: [{ municipalityId: 'leiden', exitCostCents: 250_000_00, noticeTerm: 2, noticeUnit: 'jaren' }, { municipalityId: 'oegstgeest' }],
				outside: []
			},
			testOrigin
		);
		const year = Number(today.slice(0, 4));
		await register.setContribution(
			db,
			people.adviseur.actor,
			{ collaborationId: id, municipalityId: 'leiden', year, cents: 1_234_567_00, key: 'inwoners' },
			testOrigin
		);
		await register.setContribution(
			db,
			people.adviseur.actor,
			{ collaborationId: id, municipalityId: 'leiden', year: year - 1, cents: 1_100_000_00, key: 'inwoners' },
			testOrigin
		);
		await register.addMoment(
			db,
			v,
			{ collaborationId: id, kind: 'zienswijze', on: deadline, municipalityId: 'leiden', note: 'Zienswijze ontwerpbegroting' },
			testOrigin
		);
	} finally {
		await handle.close();
	}
}

beforeAll(async () => {
	database = await createPostgresDatabase(PG_SERVER);
	await fillRegister(database.url);
	dataDir = mkdtempSync(path.join(tmpdir(), 'rp-e2e-dashboard-'));
	server = await startServer({ dataDir, databaseUrl: database.url });
	browser = await connectBrowser();
	mkdirSync(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	await database?.drop();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function pageAs(who: keyof typeof people, width = 1280): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.url, locale: 'nl-NL', acceptDownloads: true, viewport: { width, height: 900 } });
	const page = await context.newPage();
	await login(page, people[who].email, TEST_PASSWORD);
	return page;
}

async function downloaded(page: Page, format: 'PDF' | 'Word'): Promise<Buffer> {
	await page.getByLabel(format === 'PDF' ? /^PDF/ : /^Word/).check();
	const [file] = (await Promise.all([
		page.waitForEvent('download', { timeout: 30_000 }),
		page.getByRole('button', { name: 'Opstellen en downloaden' }).click()
	])) as [Download, void];
	const chunks: Buffer[] = [];
	for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

const formattedDeadline = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
	new Date(`${deadline}T12:00:00Z`)
);

describe('the register dashboard', () => {
	it('shows Leiden’s coming zienswijze deadline and its contribution, as the griffie opens it', async () => {
		const page = await pageAs('griffie');
		await page.goto('/samenwerkingen/dashboard');
		await expect(page.locator('h1').innerText()).resolves.toBe('Dashboard samenwerkingen Leiden');
		await page.screenshot({ path: path.join(SHOTS, 'register-dashboard-1280.png'), fullPage: true });
		const moments = page.getByRole('region', { name: /^Besluitmomenten tot en met/ });
		const row = moments.getByRole('row', { name: new RegExp(formattedDeadline) });
		await expect(row.innerText()).resolves.toMatch(/Termijn zienswijze[\s\S]*Zienswijze ontwerpbegroting[\s\S]*Servicepunt71[\s\S]*Leiden/);
		await expect(page.getByRole('region', { name: 'Samenwerkingen', exact: true }).innerText()).resolves.toMatch(/€\s1\.234\.567,00/);
		await page.context().close();
	});

	it('downloads the half-yearly report as a tagged PDF and as a Word file with the register’s figures', async () => {
		const page = await pageAs('adviseur');
		await page.goto('/samenwerkingen/rapportage');
		const pdf = await downloaded(page, 'PDF');
		const s = pdfStructure(pdf);
		expect(s.marked && s.hasStructTreeRoot).toBe(true);
		expect(s.fonts.length > 0 && s.fonts.every((f) => f.embedded)).toBe(true);
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
		expect(text.replace(/\s+/g, ' ')).toContain('1.234.567,00');
		expect(text).toContain('Servicepunt71');
		const docx = await downloaded(page, 'Word');
		const xml = (await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? '';
		expect(xml).toContain('Servicepunt71');
		expect(xml).toContain('1.234.567,00');
		// Drawn up twice: the page lists both.
		await page.goto('/samenwerkingen/rapportage');
		await expect(
			page
				.getByRole('region', { name: /^Eerder opgesteld/ })
				.locator('li')
				.count()
		).resolves.toBe(2);
		await page.context().close();
	});

	for (const who of ['verkenner', 'griffie', 'meelezer', 'adviseur'] as const)
		for (const width of [1280, 390])
			it(`has nothing axe finds on the dashboard and the report page for the ${who} at ${width} px, and nothing scrolls sideways`, async () => {
				const page = await pageAs(who, width);
				for (const url of ['/samenwerkingen/dashboard', '/samenwerkingen/dashboard?gemeente=regio', '/samenwerkingen/rapportage']) {
					await page.goto(url);
					await expectNoAxeViolations(page);
					const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
					expect(overflow, url).toBeLessThanOrEqual(0);
				}
				if (who === 'griffie' && width === 390) {
					await page.goto('/samenwerkingen/dashboard');
					await page.screenshot({ path: path.join(SHOTS, 'register-dashboard-390.png'), fullPage: true });
				}
				await page.context().close();
			});
});
