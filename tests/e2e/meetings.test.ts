/**
 * Proof of a live klankbordgroep session: the chair (the demo verkenner) and two participants
 * (klankbordgroep members of Leiden and Oegstgeest, separate browser contexts) on the demo session. The
 * chair moves to the next item and both participants follow within a second; temperature checks tally
 * live in all three; the chair writes an action point and closes the session; the highlights PDF (text
 * extracted with unpdf) and DOCX (word/document.xml) downloaded through the page's links hold it. axe finds
 * nothing on the sessions list, the plan form and the live page. Runs its own server (own DATA_DIR).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import JSZip from 'jszip';
import { connectBrowser } from './support/browser';
import { email } from './support/accounts';
import { login } from './support/auth';
import { expectNoAxeViolations } from './support/axe';
import { expectConnected } from './support/pages';
import { startServer, type RunningServer } from './support/server';
import { pdfStructure } from '../fixtures/pdf-structure';

const SESSION = 'Klankbordgroep Leidse regio: uitvoeringsagenda';
const FIRST = '1. Versnelling woningbouw in de Leidse regio';
const SECOND = '2. Economie071 en LAB071 voortzetten';
const THIRD = 'Studenten- en expathuisvesting voor de Kennisstad';
const ACTION = 'Locatiekaart delen met de vijf colleges';

let browser: Browser;
let server: RunningServer;
const dataDir = mkdtempSync(path.join(tmpdir(), 'rp-e2e-meetings-'));
const contexts: BrowserContext[] = [];
let chair: Page;
let leiden: Page;
let oegstgeest: Page;
let sessionPath = '';
let leidenMember = '';

const pageErrors: string[] = [];
async function newPage(): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.url, locale: 'nl-NL', acceptDownloads: true });
	contexts.push(context);
	const page = await context.newPage();
	page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
	return page;
}

/** The heading of the item in view. */
const heading = (p: Page) => p.getByTestId('item-in-view').locator('#kop-punt');
const tallyOf = (p: Page, municipality: string) => p.getByTestId('tally').locator(`li[data-municipality="${municipality}"]`);

async function downloaded(p: Page, link: string): Promise<Buffer> {
	const [download] = (await Promise.all([p.waitForEvent('download', { timeout: 30_000 }), p.getByRole('link', { name: link }).click()])) as [Download, void];
	const chunks: Buffer[] = [];
	for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

beforeAll(async () => {
	browser = await connectBrowser();
	server = await startServer({ dataDir });
	chair = await newPage();
	leiden = await newPage();
	oegstgeest = await newPage();
	await login(chair, email('verkenner'));
	await login(leiden, email('klankbord.leiden'));
	await login(oegstgeest, email('klankbord.oegstgeest'));
}, 180_000);

afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
	await server?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('a live klankbordgroep session', () => {
	it('the sessions list and the plan form pass axe; the demo session is listed', async () => {
		await chair.goto('/');
		await chair
			.getByRole('navigation', { name: /hoofdmenu|navigatie/i })
			.getByRole('link', { name: 'Sessies' })
			.click();
		await chair.waitForURL('**/sessies');
		await expectNoAxeViolations(chair);
		await chair.getByRole('link', { name: 'Nieuwe sessie plannen' }).click();
		await chair.waitForURL('**/sessies/nieuw');
		await expectNoAxeViolations(chair);
		// a session ending before it starts is refused in Dutch, and the form still passes axe
		await chair.getByLabel(/^Titel/).fill('Proef');
		await chair.getByLabel(/^Datum/).fill('2026-09-01');
		await chair.getByLabel(/^Begintijd/).fill('20:00');
		await chair.getByLabel(/^Eindtijd/).fill('19:00');
		await chair.getByLabel('Plaats', { exact: true }).fill('Leiden');
		await chair.getByRole('button', { name: 'Sessie plannen' }).click();
		await chair.getByText('De sessie eindigt vóór ze begint').first().waitFor({ timeout: 10_000 });
		await expectNoAxeViolations(chair);

		await chair.goto('/sessies');
		await chair.getByRole('link', { name: SESSION }).click();
		await chair.waitForURL(/\/sessies\/[0-9a-f-]{36}$/);
		sessionPath = new URL(chair.url()).pathname;
	});

	it('the chair starts and moves on; both participants follow within a second', async () => {
		for (const p of [chair, leiden, oegstgeest]) {
			if (new URL(p.url()).pathname !== sessionPath) await p.goto(sessionPath);
			await expectConnected(p);
		}
		await chair.getByRole('button', { name: 'Sessie starten' }).click();
		for (const p of [chair, leiden, oegstgeest]) await expect.poll(() => heading(p).innerText(), { timeout: 10_000 }).toBe(FIRST);
		// Checking in is the first thing on a participant's screen: above the agenda and the item in view, in the first screenful.
		const checkin = leiden.getByTestId('checkin');
		expect(await checkin.getByRole('button', { name: 'Inchecken voor Leiden' }).isVisible()).toBe(true);
		const [top, agenda] = await Promise.all([checkin.boundingBox(), leiden.locator('.live').boundingBox()]);
		expect(top!.y + top!.height).toBeLessThanOrEqual(agenda!.y);
		expect(top!.y).toBeLessThan(400);
		await leiden.getByTestId('timer').waitFor();

		// Both participants start watching before the click; each must see the new heading within 1000 ms of it.
		const follow = (p: Page) =>
			p
				.waitForFunction((text) => document.querySelector('#kop-punt')?.textContent?.trim() === text, SECOND, { timeout: 5_000, polling: 'raf' })
				.then(() => Date.now());
		const watchers = [follow(leiden), follow(oegstgeest)];
		const clicked = Date.now();
		await chair.getByRole('button', { name: /^Volgende/ }).click();
		const seen = await Promise.all(watchers);
		console.log(`e2e meetings: participants followed the chair in ${seen.map((at) => at - clicked).join(' ms and ')} ms`);
		for (const at of seen) expect(at - clicked).toBeLessThan(1000);
		expect(await heading(chair).innerText()).toBe(SECOND);
		await expectNoAxeViolations(leiden);
		await expectNoAxeViolations(chair);
	});

	it('a participant looks elsewhere and returns with one click', async () => {
		await leiden.getByRole('button', { name: /^Bekijk Versnelling woningbouw/ }).click();
		await expect.poll(() => heading(leiden).innerText()).toBe(FIRST);
		await leiden.getByRole('button', { name: 'U kijkt elders — terug naar het actuele punt' }).click();
		await expect.poll(() => heading(leiden).innerText()).toBe(SECOND);
	});

	it('temperature checks tally live in all three browsers; a check arriving moves no button', async () => {
		const objection = oegstgeest.getByRole('group', { name: 'Uw temperatuurcheck voor Oegstgeest' }).getByRole('button', { name: /Bezwaar$/ });
		const before = await objection.boundingBox();
		await leiden
			.getByRole('group', { name: 'Uw temperatuurcheck voor Leiden' })
			.getByRole('button', { name: /Steunt$/ })
			.click();
		// Leiden's check reaches Oegstgeest while its member aims at a button: the button stays where it was.
		await expect.poll(() => tallyOf(oegstgeest, 'leiden').innerText(), { timeout: 5_000 }).toContain('Steunt');
		expect(await objection.boundingBox()).toEqual(before);
		await objection.click();
		for (const p of [chair, leiden, oegstgeest]) {
			await expect.poll(() => tallyOf(p, 'leiden').innerText(), { timeout: 5_000 }).toContain('Steunt');
			await expect.poll(() => tallyOf(p, 'oegstgeest').innerText(), { timeout: 5_000 }).toContain('Bezwaar');
			expect(await tallyOf(p, 'voorschoten').innerText()).toContain('nog geen check');
		}
		// Neither checked in: giving a check made them present.
		await expect.poll(() => leiden.getByTestId('checkin').innerText(), { timeout: 5_000 }).toContain('U bent ingecheckt voor Leiden.');
		const present = chair
			.getByRole('region', { name: 'Aanwezig' })
			.getByRole('listitem')
			.filter({ hasText: /^Leiden:/ });
		await expect.poll(() => present.innerText(), { timeout: 5_000 }).not.toContain('nog niemand');
		leidenMember = (await present.innerText()).replace(/^Leiden:\s*/, '').trim();
		expect(leidenMember).not.toBe('');
	});

	it('the chair writes an action point; everyone sees it', async () => {
		await chair.getByLabel('Soort').selectOption('actiepunt');
		await chair.getByLabel(/^Tekst/).fill(ACTION);
		await chair.getByLabel(/^Eigenaar/).fill('Maarten Verhoeven');
		await chair.getByLabel(/^Uiterlijk/).fill('2026-04-01');
		await chair.getByRole('button', { name: 'Vastleggen', exact: true }).click();
		for (const p of [chair, leiden, oegstgeest]) await p.getByText(ACTION).waitFor({ timeout: 5_000 });
		await expectNoAxeViolations(oegstgeest);
	});

	it('on an item with scenarios the chair puts the comparison on screen; a check per scenario tallies live everywhere', async () => {
		// The verkenner gives the third item two options, in another tab, while the session runs.
		const tab = await chair.context().newPage();
		await tab.goto('/agenda');
		await tab.getByRole('link', { name: THIRD }).first().click();
		await tab.getByRole('link', { name: "Scenario's toevoegen" }).click();
		for (const title of ['Campus samen ontwikkelen', 'Ieder voor zich']) {
			await tab.getByText('Scenario toevoegen', { exact: true }).first().click();
			await tab.locator('#nieuw-title').fill(title);
			await tab.getByRole('button', { name: 'Scenario toevoegen' }).click();
			await expect.poll(() => tab.getByRole('heading', { level: 3, name: title }).count()).toBe(1);
		}
		await tab.close();

		await chair.getByRole('button', { name: /^Volgende/ }).click();
		for (const p of [chair, leiden, oegstgeest]) await expect.poll(() => heading(p).innerText(), { timeout: 10_000 }).toBe(`3. ${THIRD}`);
		await expect.poll(() => leiden.getByTestId('scenario-board').innerText()).toContain('De voorzitter kan de vergelijking op het scherm zetten.');
		await chair.getByRole('button', { name: 'Vergelijking op het scherm zetten' }).click();
		for (const p of [chair, leiden, oegstgeest])
			await expect.poll(() => p.getByRole('table', { name: "Scenario's en hun kosten" }).isVisible(), { timeout: 5_000 }).toBe(true);

		const support = (p: Page) =>
			p
				.getByRole('table', { name: 'Temperatuurcheck op Campus samen ontwikkelen' })
				.getByRole('row', { name: /Steunt\b/ })
				.first();
		const checkButton = (p: Page, scenario: string, municipality: string, value: RegExp) =>
			p.getByRole('group', { name: `Uw temperatuurcheck op ${scenario} voor ${municipality}` }).getByRole('button', { name: value });
		// On a phone, Oegstgeest's member supports the first option and aims at the second while Leiden's check arrives.
		await oegstgeest.setViewportSize({ width: 390, height: 844 });
		await checkButton(oegstgeest, 'Campus samen ontwikkelen', 'Oegstgeest', /Steunt$/).click();
		await expect.poll(() => support(oegstgeest).innerText(), { timeout: 5_000 }).toMatch(/1\s+Oegstgeest/);
		const aimed = checkButton(oegstgeest, 'Ieder voor zich', 'Oegstgeest', /Bezwaar$/);
		const before = await aimed.boundingBox();
		await checkButton(leiden, 'Campus samen ontwikkelen', 'Leiden', /Steunt$/).click();
		for (const p of [chair, leiden, oegstgeest])
			await expect.poll(() => support(p).innerText(), { timeout: 5_000 }).toMatch(/2\s+(Leiden, Oegstgeest|Oegstgeest, Leiden)/);
		// The tally took a name more; the button aimed at stayed where it was.
		expect(await aimed.boundingBox()).toEqual(before);
		await oegstgeest.setViewportSize({ width: 1280, height: 720 });
		await expectNoAxeViolations(oegstgeest);
		await chair.getByRole('button', { name: 'Vergelijking van het scherm halen' }).click();
		await expect.poll(() => oegstgeest.getByRole('table', { name: "Scenario's en hun kosten" }).count(), { timeout: 5_000 }).toBe(0);
	});

	it('the chair closes; the highlights PDF and DOCX hold the action point', async () => {
		await chair.getByRole('button', { name: 'Sessie afsluiten' }).click();
		await chair.getByRole('button', { name: 'Ja, sessie afsluiten' }).click();
		for (const p of [chair, leiden, oegstgeest]) await p.getByRole('heading', { name: 'Highlights' }).waitFor({ timeout: 5_000 });

		const pdf = await downloaded(leiden, 'Highlights als PDF');
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		// Tagged, in Dutch, every font embedded (no standard font that loses characters).
		const structure = pdfStructure(pdf);
		expect([structure.marked, structure.hasStructTreeRoot, structure.lang]).toEqual([true, true, 'nl-NL']);
		expect(structure.fonts.length > 0 && structure.fonts.every((f) => f.embedded)).toBe(true);
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
		expect(text.replace(/\s+/g, ' ')).toContain(ACTION);
		// The attendance part names the member who took part without checking in.
		expect(leidenMember).not.toBe('');
		const attendance = text.replace(/\s+/g, ' ').split('Aanwezigheid')[1].split('Agendapunt 1')[0];
		expect(attendance).toContain(`Leiden: ${leidenMember}`);

		const docx = await downloaded(oegstgeest, 'Highlights als Word-document (bewerkbaar)');
		const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
		expect(xml).toContain(ACTION);
		expect(pageErrors).toEqual([]);
	});
});

describe('cancelling a planned session', () => {
	const TITLE = 'Extra klankbordgroep over mobiliteit';
	let cancelPath = '';

	it('the verkenner plans a session inviting Leiden; its downloadable .ics is METHOD:PUBLISH', async () => {
		await chair.goto('/sessies/nieuw');
		await chair.getByLabel(/^Titel/).fill(TITLE);
		await chair.getByLabel(/^Datum/).fill('2099-09-01');
		await chair.getByLabel(/^Begintijd/).fill('19:30');
		await chair.getByLabel(/^Eindtijd/).fill('21:00');
		await chair.getByLabel('Plaats', { exact: true }).fill('Stadhuis Leiden');
		await chair
			.getByRole('group', { name: 'Leiden' })
			.getByRole('checkbox', { name: /^Anouk de Vries/ })
			.check();
		await chair.getByRole('button', { name: 'Sessie plannen' }).click();
		await chair.waitForURL(/\/sessies\/[0-9a-f-]{36}\?gepland/);
		await chair.getByText('de genodigden krijgen een uitnodiging per e-mail').waitFor();
		cancelPath = new URL(chair.url()).pathname;
		const ics = (await downloaded(chair, 'Uitnodiging (.ics)')).toString('utf8').replace(/\r\n[ \t]/g, '');
		expect(ics).toContain('METHOD:PUBLISH');
		expect(ics).toContain('SEQUENCE:0');
		expect(ics).not.toContain('ATTENDEE');
	});

	it('cancelling asks first, then every page on the session shows it cancelled; it can no longer be edited', async () => {
		await leiden.goto(cancelPath);
		await expectConnected(leiden);
		// Members see no cancel action.
		expect(await leiden.getByText('Sessie annuleren').count()).toBe(0);

		await chair.getByText('Sessie annuleren', { exact: true }).click();
		await chair.getByRole('heading', { name: 'Sessie annuleren?' }).waitFor();
		await expectNoAxeViolations(chair);
		await chair.getByLabel(/^Reden/).fill('Verplaatst naar de sessie van oktober.');
		await chair.getByRole('button', { name: 'Ja, sessie annuleren' }).click();
		await chair.waitForURL(/geannuleerd=1/);
		await chair.getByText('De sessie is geannuleerd. De genodigden krijgen een e-mail met de annulering.').waitFor();
		await chair.getByText('Reden: Verplaatst naar de sessie van oktober.').waitFor();
		expect(await chair.getByRole('link', { name: 'Uitnodiging (.ics)' }).count()).toBe(0);
		expect(await chair.getByRole('link', { name: 'Plan van de sessie wijzigen' }).count()).toBe(0);
		await expectNoAxeViolations(chair);

		// The member's open page hears of it without a reload.
		await leiden.getByTestId('cancelled').waitFor({ timeout: 5_000 });
		expect(await leiden.locator('.status .tag').innerText()).toBe('Geannuleerd');

		await chair.goto('/sessies');
		await expect.poll(() => chair.getByRole('row', { name: new RegExp(TITLE) }).innerText()).toContain('Geannuleerd');
		await chair.goto(`${cancelPath}/bewerken`);
		await chair.getByText('Deze sessie is geannuleerd.').waitFor();
		expect(pageErrors).toEqual([]);
	});
});
