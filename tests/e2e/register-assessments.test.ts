/**
 * Assessments of a joint arrangement, in Chromium against its own server on a fresh PostgreSQL database (the
 * demo data has no arrangements yet, so Servicepunt71 and Leiden's ambtelijk adviseur are added before the
 * server starts): the verkenner starts an assessment through "Nieuwe toetsing", the adviseur scores for
 * Leiden by keyboard (radio groups with arrow keys, a motivation, Enter), and the scores table shows it with
 * its average. axe finds nothing on the list and the assessment page; at 390 px nothing scrolls sideways.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createDb } from '../../src/lib/server/db';
import * as register from '../../src/lib/server/modules/register';
import { demoPeople } from '../../src/lib/server/seed/demo-people';
import { testOrigin } from '../fixtures/factories';
import { servicepunt, servicepuntParticipants } from '../integration/register/helpers';
import { connectBrowser } from './support/browser';
import { email } from './support/accounts';
import { login } from './support/auth';
import { expectNoAxeViolations } from './support/axe';
import { expectFitsPhone } from './support/phone';
import { createPostgresDatabase, type PostgresDatabase } from './support/postgres';
import { startServer, type RunningServer } from './support/server';

const PG_SERVER = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : 'postgres://postgres@127.0.0.1:5432/postgres';
const dataDir = mkdtempSync(path.join(tmpdir(), 'rp-e2e-assessments-'));
/** Leiden's ambtelijk adviseur among the demo accounts. */
const ADVISEUR = email('adviseur.leiden');
let pg: PostgresDatabase;
let server: RunningServer;
let browser: Browser;
let collaborationId = '';
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

async function pageAs(account: string, password?: string, opts: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.url, locale: 'nl-NL', viewport: { width: 1280, height: 900 }, ...opts });
	contexts.push(context);
	const page = await context.newPage();
	page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
	await login(page, account, password);
	return page;
}

beforeAll(async () => {
	pg = await createPostgresDatabase(PG_SERVER);
	const handle = await createDb({ url: pg.url, max: 2 });
	try {
		const who = await demoPeople(handle.db);
		if (!who) throw new Error('no demo accounts');
		const verkenner = who('verkenner');
		// Servicepunt71 as the register's integration tests know it: Leiden, Leiderdorp, Oegstgeest and Zoeterwoude.
		collaborationId = (await register.createCollaboration(handle.db, verkenner, servicepunt(), testOrigin)).id;
		await register.setParticipants(handle.db, verkenner, { collaborationId, ...servicepuntParticipants }, testOrigin);
	} finally {
		await handle.close();
	}
	server = await startServer({ dataDir, databaseUrl: pg.url, env: { APP_SECRET: randomBytes(32).toString('hex') } });
	browser = await connectBrowser();
}, 180_000);

afterAll(async () => {
	for (const c of contexts) await c.close().catch(() => {});
	await browser?.close();
	await server?.stop();
	await pg?.drop();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('assessments of an arrangement', () => {
	let assessmentPath = '';

	it('the verkenner starts an assessment with Nieuwe toetsing', async () => {
		const verkenner = await pageAs(email('verkenner'));
		await verkenner.goto(`/samenwerkingen/${collaborationId}/toetsingen`);
		await expect.poll(() => verkenner.getByRole('heading', { level: 1 }).innerText()).toBe('Toetsingen – Servicepunt71');
		await expectNoAxeViolations(verkenner);
		await verkenner.getByLabel('Titel').fill('Evaluatie 2026');
		await verkenner.getByRole('radio', { name: 'Evaluatie' }).check();
		await verkenner.getByRole('button', { name: 'Toetsing beginnen' }).click();
		await verkenner.waitForURL((u) => /\/toetsingen\/[0-9a-f-]{36}$/.test(u.pathname));
		assessmentPath = new URL(verkenner.url()).pathname;
		await expect.poll(() => verkenner.getByRole('heading', { level: 1 }).innerText()).toBe('Evaluatie 2026');
		await expect.poll(() => verkenner.getByRole('group', { name: 'I. Strategisch' }).isVisible()).toBe(true);
		await expectNoAxeViolations(verkenner);
		await verkenner.goto(`/samenwerkingen/${collaborationId}/toetsingen`);
		const list = verkenner.getByRole('table', { name: 'Toetsingen van Servicepunt71, nieuwste eerst' });
		await expect.poll(() => list.getByRole('link', { name: 'Evaluatie 2026' }).count()).toBe(1);
		// The summary of the latest assessment (the component the arrangement page includes).
		await expect.poll(() => verkenner.getByRole('heading', { name: 'Laatste toetsing' }).isVisible()).toBe(true);
		await expectNoAxeViolations(verkenner);
	}, 120_000);

	it('an adviseur of Leiden scores by keyboard and the scores table shows it', async () => {
		const adviseur = await pageAs(ADVISEUR);
		await adviseur.goto(assessmentPath);
		await expect.poll(() => adviseur.getByRole('heading', { name: 'Scores van Leiden' }).isVisible()).toBe(true);
		// The toetsingskader is the verkenner's: the adviseur reads it, without a form.
		expect(await adviseur.getByRole('button', { name: 'Antwoorden opslaan' }).count()).toBe(0);
		const efficiency = adviseur.getByRole('group', { name: 'Efficiency' });
		await efficiency.getByRole('radio').first().focus();
		await adviseur.keyboard.press('Space');
		for (let i = 0; i < 3; i++) await adviseur.keyboard.press('ArrowRight');
		expect(await efficiency.getByRole('radio', { name: '4 – Goed' }).isChecked()).toBe(true);
		await adviseur.keyboard.press('Tab');
		await adviseur.keyboard.type('Schaalvoordeel bij ICT en inkoop');
		expect(await adviseur.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('motivation.efficiency');
		await adviseur.getByRole('button', { name: 'Scores opslaan' }).focus();
		await adviseur.keyboard.press('Enter');
		await expect.poll(() => adviseur.getByRole('status').filter({ hasText: 'De scores zijn opgeslagen.' }).isVisible()).toBe(true);

		const table = adviseur.getByRole('table', { name: /Scores per gemeente en criterium/ });
		const row = table.getByRole('row', { name: /^Efficiency/ });
		const cells = await row.getByRole('cell').allInnerTexts();
		// Leiden, Leiderdorp, Oegstgeest, Zoeterwoude, then the average and the spread.
		expect(cells).toEqual(['4', '–', '–', '–', '4,0', '0']);
		const history = adviseur.getByRole('table', { name: /Elke score zoals die is gegeven/ });
		expect(await history.getByRole('row').nth(1).innerText()).toContain('Schaalvoordeel bij ICT en inkoop');
		await expectNoAxeViolations(adviseur);
		await expectFitsPhone(adviseur);
		expect(pageErrors).toEqual([]);
	}, 120_000);

	it('without JavaScript, a submit after the verkenner completed the assessment is refused in Dutch, storing nothing', async () => {
		const adviseur = await pageAs(ADVISEUR, undefined, { javaScriptEnabled: false });
		await adviseur.goto(assessmentPath);
		const efficiency = adviseur.getByRole('group', { name: 'Efficiency' });
		expect(await efficiency.getByRole('radio', { name: '4 – Goed' }).isChecked()).toBe(true);
		await efficiency.getByRole('radio', { name: '2 – Slecht' }).check();
		await adviseur.getByLabel('Toelichting bij Efficiency').fill('Toch minder');

		// Meanwhile the verkenner completes the assessment: from then on it no longer changes.
		const verkenner = await pageAs(email('verkenner'));
		await verkenner.goto(assessmentPath);
		await verkenner.getByRole('button', { name: 'Toetsing afronden' }).click();
		await expect.poll(() => verkenner.getByText(/Deze toetsing is afgerond op .* en wijzigt niet meer\./).isVisible()).toBe(true);
		expect(await verkenner.getByRole('button', { name: 'Antwoorden opslaan' }).count()).toBe(0);
		await expectNoAxeViolations(verkenner);

		await adviseur.getByRole('button', { name: 'Scores opslaan' }).click();
		await adviseur.waitForLoadState('load');
		await expect.poll(() => adviseur.getByRole('alert').first().innerText()).toContain('Deze toetsing is afgerond en wijzigt niet meer.');
		const row = adviseur.getByRole('table', { name: /Scores per gemeente en criterium/ }).getByRole('row', { name: /^Efficiency/ });
		expect((await row.getByRole('cell').allInnerTexts())[0]).toBe('4');
		// A completed assessment counts in the comparison over time.
		await adviseur.goto(assessmentPath);
		expect(await adviseur.getByRole('button', { name: 'Scores opslaan' }).count()).toBe(0);
		const comparison = adviseur.getByRole('table', { name: /Gemiddelde score per criterium in de afgeronde toetsingen/ });
		expect(
			await comparison
				.getByRole('row', { name: /^Efficiency/ })
				.getByRole('cell')
				.allInnerTexts()
		).toEqual(['4,0']);
	}, 120_000);
});
