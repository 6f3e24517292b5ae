/**
 * The register's pages in Chromium against their own server (own DATA_DIR, demo data): the verkenner creates an
 * arrangement by keyboard (a wrong end date and a notice term without a unit are refused in Dutch, the input
 * kept), adds participants and splits a year (custom percentages that do not make 100 % are refused), plans
 * decision moments; an ambtelijk adviseur of Leiden (invited by the administrator here, so the invitation of
 * the new role is tried too) records Leiden's own contribution, and the arrangement page shows it; the calendar's .ics downloads
 * with one VEVENT per moment. axe finds nothing on the new pages for the verkenner, the adviseur, a griffie and
 * a meelezer; at 390 px nothing scrolls sideways. `REGISTER_SCREENSHOTS=<dir>` saves the list and the
 * arrangement at 1280 and 390 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connectBrowser } from './support/browser';
import { email } from './support/accounts';
import { enrolTotp, login } from './support/auth';
import { expectNoAxeViolations } from './support/axe';
import { measureOverflow, PHONE } from './support/phone';
import { startServer, type RunningServer } from './support/server';

let browser: Browser;
let server: RunningServer;
const dataDir = mkdtempSync(path.join(tmpdir(), 'rp-e2e-register-'));
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const NAME = 'Regionale Uitvoeringsdienst Test';
const YEAR = new Date().getFullYear();
/** Ten days ago: a zienswijze deadline that has passed, still on the calendar page (three months back). */
const PASSED = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
let arrangement = ''; // its path, /samenwerkingen/<id>
let verkenner: Page;

async function newPage(width = 1280): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.url, locale: 'nl-NL', viewport: { width, height: 900 } });
	contexts.push(context);
	const page = await context.newPage();
	page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
	return page;
}

async function pageAs(account: string, width = 1280): Promise<Page> {
	const page = await newPage(width);
	await login(page, account);
	return page;
}

/** Goes to `address` and waits until the page is hydrated (forms are enhanced once it is). */
async function open(p: Page, address: string) {
	await p.goto(address);
	await p.waitForLoadState('networkidle');
}

/** The administrator (TOTP enrolled) invites a person with one role in Leiden; the person sets a password and is signed in. */
async function invite(admin: Page, name: string, role: string): Promise<Page> {
	const address = `${name.split(' ')[0].toLowerCase()}.${Date.now()}@leiden.example.nl`;
	await open(admin, '/beheer/gebruikers/uitnodigen');
	await admin.getByLabel('Naam').fill(name);
	await admin.getByLabel('E-mailadres', { exact: false }).first().fill(address);
	await admin.getByRole('group', { name: 'Leiden' }).getByLabel(role).check();
	await admin.getByRole('button', { name: 'Uitnodiging versturen' }).click();
	await admin.getByText(address, { exact: false }).first().waitFor();
	await open(admin, '/beheer/uitgaande-mail');
	const body = (await admin.locator('main').textContent()) ?? '';
	const at = body.indexOf(address);
	const link =
		body.slice(at).match(/https?:\/\/[^\s]+\/wachtwoord-instellen\/[a-z0-9]+/)?.[0] ??
		body.match(/https?:\/\/[^\s]+\/wachtwoord-instellen\/[a-z0-9]+/g)?.at(-1);
	if (!link) throw new Error(`no invitation link for ${address}`);
	const person = await newPage();
	await person.goto(new URL(link).pathname);
	await person.locator('input[name="password"]').fill('Een-lange-zin-als-wachtwoord');
	await person.locator('input[name="repeat"]').fill('Een-lange-zin-als-wachtwoord');
	await Promise.all([person.waitForURL((u) => u.pathname === '/'), person.getByRole('button', { name: 'Wachtwoord instellen' }).click()]).catch(async (err) => {
		// Say what the page showed instead of only "timed out".
		const shown = await person
			.locator('main')
			.innerText()
			.catch(() => '(no page)');
		throw new Error(`${name}: still on ${person.url()}; the page says: ${shown.slice(0, 500)}`, { cause: err });
	});
	return person;
}

async function expectNoSidewaysScroll(p: Page, address: string) {
	await p.setViewportSize({ width: PHONE.width, height: PHONE.height });
	await open(p, address);
	const { scrollWidth, culprits } = await measureOverflow(p);
	await p.setViewportSize({ width: 1280, height: 900 });
	expect(scrollWidth, `${address} scrolls sideways:\n${culprits.join('\n')}`).toBeLessThanOrEqual(PHONE.width);
}

async function screenshots(p: Page, name: string, address: string) {
	const dir = process.env.REGISTER_SCREENSHOTS;
	if (!dir) return;
	for (const width of [1280, PHONE.width]) {
		await p.setViewportSize({ width, height: 900 });
		await open(p, address);
		await p.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: true });
	}
	await p.setViewportSize({ width: 1280, height: 900 });
}

/** The new pages a role reads, each checked with axe. */
async function axeOn(p: Page, addresses: string[]) {
	for (const address of addresses) {
		await open(p, address);
		expect(new URL(p.url()).pathname, `${address} answered`).toBe(address.split('?')[0]);
		await expectNoAxeViolations(p);
	}
}

beforeAll(async () => {
	browser = await connectBrowser();
	server = await startServer({ dataDir });
	verkenner = await pageAs(email('verkenner'));
}, 120_000);

afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
	await server?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('the verkenner keeps the register', () => {
	it('finds Samenwerkingen in the navigation, and an empty register with the way to add one', { timeout: 60_000 }, async () => {
		await open(verkenner, '/');
		await verkenner.locator('header nav').getByRole('link', { name: 'Samenwerkingen' }).click();
		await verkenner.waitForURL((u) => u.pathname === '/samenwerkingen');
		await verkenner.getByRole('heading', { level: 1, name: 'Samenwerkingen' }).waitFor();
		await verkenner.getByRole('link', { name: 'Kalender van besluitmomenten' }).waitFor();
		await expectNoAxeViolations(verkenner);
	});

	it(
		'creates an arrangement by keyboard; a wrong end date and a notice term without unit are refused in Dutch, the input kept',
		{ timeout: 90_000 },
		async () => {
			const p = verkenner;
			await open(p, '/samenwerkingen');
			await p.getByRole('link', { name: 'Nieuwe samenwerking' }).focus();
			await Promise.all([p.waitForURL((u) => u.pathname === '/samenwerkingen/nieuw'), p.keyboard.press('Enter')]);
			await p.waitForLoadState('networkidle');
			await p.getByLabel('Naam').focus();
			await p.keyboard.type(NAME);
			await p.getByLabel('Soort samenwerking').selectOption('gr');
			await p.getByLabel('Rechtsvorm').selectOption('openbaar_lichaam');
			await p.getByLabel('Bedrijfsvoering').focus();
			await p.keyboard.press('Space');
			await p.getByLabel('Domein').focus();
			await p.keyboard.type('Fysiek domein');
			await p.getByRole('checkbox', { name: /Iedereen doet mee/ }).focus();
			await p.keyboard.press('Space');
			await p.getByLabel('Trekkende gemeente').selectOption('leiden');
			await p.getByLabel('Startdatum').fill('2024-01-01');
			await p.getByLabel('Voor onbepaalde tijd').uncheck();
			await p.getByLabel('Einddatum').fill('2023-12-31');
			await p.getByLabel('Opzegtermijn', { exact: true }).focus();
			await p.keyboard.type('2');
			await p.getByLabel('Titel document 1').focus();
			await p.keyboard.type('Regeling');
			await p.getByLabel('Link document 1').focus();
			await p.keyboard.type('https://example.org/regeling.pdf');
			await p.keyboard.press('Enter');
			const summary = p.locator('main [role="alert"]');
			await summary.getByText('De einddatum ligt vóór de startdatum.').waitFor();
			await expect(summary.innerText()).resolves.toContain('Geef bij de opzegtermijn de eenheid op: maanden of jaren.');
			// The error sits next to its field too, announced with it.
			await expect(p.getByLabel('Einddatum').getAttribute('aria-describedby')).resolves.toContain('veld-endsOn-error');
			await expect(p.getByLabel('Naam').inputValue()).resolves.toBe(NAME);
			await expect(p.getByLabel('Domein').inputValue()).resolves.toBe('Fysiek domein');
			await expectNoAxeViolations(p);

			await p.getByLabel('Einddatum').fill('');
			await p.getByLabel('Voor onbepaalde tijd').check();
			await p.getByLabel('Eenheid opzegtermijn').selectOption('jaren');
			await p.getByLabel('Naam').focus();
			await Promise.all([p.waitForURL((u) => u.pathname.endsWith('/deelnemers')), p.keyboard.press('Enter')]);
			arrangement = new URL(p.url()).pathname.replace(/\/deelnemers$/, '');
			expect(arrangement).toMatch(/^\/samenwerkingen\/[0-9a-f-]{36}$/);
		}
	);

	it('adds participants: two of the five with exit cost and notice term, and one outside party', { timeout: 60_000 }, async () => {
		const p = verkenner;
		await p.waitForLoadState('networkidle');
		await p.getByText('De samenwerking staat in het register.').waitFor();
		await expectNoAxeViolations(p);
		await p.getByLabel('Leiden doet mee').check();
		await p.getByLabel('Uittreedkosten Leiden (euro)').fill('125.000');
		await p.getByLabel('Opzegtermijn Leiden', { exact: true }).fill('2');
		await p.getByLabel('Eenheid opzegtermijn Leiden').selectOption('jaren');
		await p.getByLabel('Oegstgeest doet mee').check();
		await p.getByLabel('Deelnemer buiten de regio 1').fill('Katwijk');
		await Promise.all([p.waitForURL((u) => u.pathname === arrangement), p.getByRole('button', { name: 'Opslaan' }).click()]);
		const participants = p.locator('section', { has: p.getByRole('heading', { name: 'Deelnemers', exact: true }) });
		await expect(participants.innerText()).resolves.toMatch(/Leiden\s+€\s?125\.000,00\s+2 jaren/);
		await expect(participants.innerText()).resolves.toContain('Katwijk');
	});

	it('splits a year: percentages that do not make 100 % are refused in Dutch; then the total shows', { timeout: 60_000 }, async () => {
		const p = verkenner;
		await open(p, `${arrangement}/bijdragen`);
		await expectNoAxeViolations(p);
		await p.getByRole('spinbutton', { name: /^Jaar/ }).first().fill(String(YEAR));
		await p.getByLabel('Totaalbedrag (euro)').fill('200.000');
		await p.getByLabel('Eigen percentages').check();
		await p.getByLabel('Percentage Leiden').fill('60');
		await p.getByLabel('Percentage Oegstgeest').fill('30');
		await p.getByRole('button', { name: 'Jaar verdelen' }).click();
		await p.locator('main [role="alert"]').getByText('De percentages tellen niet op tot precies 100 %.').waitFor();
		await expect(p.getByLabel('Percentage Oegstgeest').inputValue()).resolves.toBe('30');
		await expectNoAxeViolations(p);
		await p.getByLabel('Percentage Oegstgeest').fill('40');
		await Promise.all([p.waitForURL((u) => u.pathname === arrangement), p.getByRole('button', { name: 'Jaar verdelen' }).click()]);
		const table = p.getByRole('table', { name: `Bijdragen ${YEAR}` });
		await expect(table.innerText()).resolves.toMatch(/Leiden\s+Eigen percentages.*60 %.*€\s?120\.000,00/s);
		await expect(table.innerText()).resolves.toMatch(/Totaal\s+€\s?200\.000,00/);
	});

	it('plans decision moments; a passed zienswijze is marked on the arrangement and on the calendar', { timeout: 60_000 }, async () => {
		const p = verkenner;
		await open(p, `${arrangement}/planning`);
		await expectNoAxeViolations(p);
		const add = async (kind: string, on: string, council: string) => {
			await p.getByLabel('Soort moment').first().selectOption(kind);
			await p.getByLabel('Datum').first().fill(on);
			await p
				.getByLabel('Voor welke raad')
				.first()
				.selectOption(council ? { value: council } : { index: 0 });
			const count = await p.getByRole('button', { name: 'Verwijderen' }).count();
			await p.getByRole('button', { name: 'Toevoegen' }).click();
			await expect.poll(() => p.getByRole('button', { name: 'Verwijderen' }).count()).toBe(count + 1);
		};
		await add('zienswijze', PASSED, 'leiden');
		await add('begroting', `${YEAR + 1}-06-01`, '');
		await add('zienswijze', `${YEAR + 1}-05-01`, 'oegstgeest');
		await expectNoAxeViolations(p);
		await open(p, arrangement);
		const cycle = p.locator('section', { has: p.getByRole('heading', { name: 'Planning en control' }) });
		await expect(cycle.getByText('Verstreken').count()).resolves.toBe(1);
		await expectNoAxeViolations(p);
		await open(p, '/samenwerkingen/kalender');
		// The demo register has passed zienswijzen of its own: this arrangement's are counted.
		const overdue = p.locator('main li', { hasText: 'Verstreken' }).filter({ hasText: NAME });
		await expect(overdue.count()).resolves.toBe(1);
		await expect(overdue.innerText()).resolves.toMatch(new RegExp(`Zienswijze \\(uiterste datum\\)\\s+\\(Leiden\\)\\s+— ${NAME}`));
	});
});

describe('an ambtelijk adviseur of Leiden records Leiden’s contribution', () => {
	let adviseur: Page;
	let meelezer: Page;
	beforeAll(async () => {
		const admin = await pageAs(email('beheer'));
		await enrolTotp(admin);
		adviseur = await invite(admin, 'Anne Adviseur', 'Ambtelijk adviseur');
		meelezer = await invite(admin, 'Mila Meelezer', 'Meelezer');
	}, 180_000);

	it('may record only for Leiden, and the arrangement page shows it', { timeout: 60_000 }, async () => {
		await open(adviseur, `${arrangement}/bijdragen`);
		await expect(adviseur.getByRole('button', { name: 'Jaar verdelen' }).count()).resolves.toBe(0);
		const municipality = adviseur.getByRole('combobox', { name: /^Gemeente/ });
		await expect(municipality.locator('option').allInnerTexts()).resolves.toEqual(['Leiden']);
		await adviseur.getByRole('spinbutton', { name: /^Jaar/ }).fill(String(YEAR));
		await adviseur.getByLabel('Bedrag (euro)').fill('130.000,50');
		// The year follows the verkenner's split: the same key, Leiden's own percentage.
		await adviseur.getByLabel('Verdeelsleutel').selectOption('maatwerk');
		await adviseur.getByLabel('Percentage', { exact: true }).fill('60');
		await expectNoAxeViolations(adviseur);
		await Promise.all([adviseur.waitForURL((u) => u.pathname === arrangement), adviseur.getByRole('button', { name: 'Bijdrage vastleggen' }).click()]);
		const table = adviseur.getByRole('table', { name: `Bijdragen ${YEAR}` });
		await expect(table.innerText()).resolves.toMatch(/Leiden\s+Eigen percentages.*60 %.*€\s?130\.000,50/s);
		await expect(table.innerText()).resolves.toMatch(/Oegstgeest\s+Eigen percentages.*40 %.*€\s?80\.000,00/s);
		await expect(table.innerText()).resolves.toMatch(/Totaal\s+€\s?210\.000,50/);
	});

	it('links a board member to a Leiden account; that person sees the seat on their account page (the dubbele pet)', { timeout: 60_000 }, async () => {
		const griffie = await pageAs(email('griffie.leiden'));
		const name = ((await griffie.locator('header .who').innerText()) ?? '').replace('Ingelogd als ', '').trim();
		await open(adviseur, `${arrangement}/bestuur`);
		await adviseur.getByRole('heading', { name: 'Bestuursleden en rapporteurs van Leiden' }).waitFor();
		const first = adviseur.getByRole('group', { name: 'Bestuurslid 1' });
		await first.getByLabel('Naam').fill(name);
		await first.getByLabel('Rol in de eigen gemeente').selectOption('raad');
		await first.getByLabel('Account in het portaal').selectOption({ label: name });
		await Promise.all([adviseur.waitForURL((u) => u.pathname === arrangement), adviseur.getByRole('button', { name: 'Opslaan' }).click()]);
		const board = adviseur.locator('section', { has: adviseur.getByRole('heading', { name: 'Bestuur', exact: true }) });
		await expect(board.innerText()).resolves.toMatch(new RegExp(`${name}\\s+Algemeen bestuur\\s+raadslid Leiden`));
		await open(griffie, '/account');
		await expect(griffie.locator('section', { has: griffie.getByRole('heading', { name: 'Uw rollen in samenwerkingen' }) }).innerText()).resolves.toContain(
			`${NAME}: Algemeen bestuur`
		);
		await expectNoAxeViolations(griffie);
	});

	it('the calendar file downloads and holds one VEVENT per moment for Leiden', { timeout: 60_000 }, async () => {
		await open(adviseur, '/samenwerkingen/kalender?gemeente=leiden');
		const [download] = await Promise.all([adviseur.waitForEvent('download'), adviseur.getByRole('link', { name: 'Agendabestand downloaden (.ics)' }).click()]);
		const file = path.join(dataDir, 'kalender.ics');
		await download.saveAs(file);
		expect(download.suggestedFilename()).toBe('samenwerkingen-besluitmomenten-leiden.ics');
		const text = readFileSync(file, 'utf8').replace(/\r\n[ \t]/g, '');
		expect(text.split('\r\n')[0]).toBe('BEGIN:VCALENDAR');
		// This arrangement's events (the demo register has others): the zienswijze for Leiden and the begroting
		// for all, not Oegstgeest's zienswijze.
		const ours = text
			.split('BEGIN:VEVENT')
			.slice(1)
			.map((event) => event.split('\r\n'))
			.filter((lines) => lines.some((l) => l.startsWith('URL:') && l.endsWith(arrangement)));
		expect(ours).toHaveLength(2);
		expect(ours.flat()).toContain(`SUMMARY:Zienswijze (uiterste datum) (Leiden): ${NAME}`);
		// Without a session it is not served.
		const anonymous = await fetch(new URL('/samenwerkingen/kalender.ics', server.url), { redirect: 'manual' });
		expect(anonymous.status).not.toBe(200);
	});

	it('axe finds nothing on the new pages, for the verkenner, the adviseur, a griffie and a meelezer', { timeout: 240_000 }, async () => {
		const reading = [
			'/samenwerkingen',
			'/samenwerkingen?gemeente=leiden&soort=gr',
			arrangement,
			'/samenwerkingen/kalender',
			'/samenwerkingen/kalender?gemeente=oegstgeest'
		];
		await axeOn(verkenner, [...reading, '/samenwerkingen/nieuw', `${arrangement}/bewerken`, `${arrangement}/bestuur`]);
		await axeOn(adviseur, [...reading, `${arrangement}/bestuur`]);
		await axeOn(await pageAs(email('griffie.leiden')), reading);
		await axeOn(meelezer, reading);
		expect(pageErrors).toEqual([]);
	});

	it('nothing scrolls sideways at 390 px', { timeout: 120_000 }, async () => {
		for (const address of [
			'/samenwerkingen',
			arrangement,
			`${arrangement}/bijdragen`,
			`${arrangement}/deelnemers`,
			`${arrangement}/bestuur`,
			`${arrangement}/planning`,
			'/samenwerkingen/kalender',
			'/samenwerkingen/nieuw'
		])
			await expectNoSidewaysScroll(verkenner, address);
		await screenshots(verkenner, 'register-list', '/samenwerkingen');
		await screenshots(verkenner, 'register-arrangement', arrangement);
	});
});
