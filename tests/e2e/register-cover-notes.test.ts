/**
 * Cover notes (*oplegnotities*) in Chromium, on a server of its own over a fresh PostgreSQL database (the test
 * writes the arrangement and the people into it first): Leiden's ambtelijk adviseur opens the coming AB meeting
 * of the arrangement, writes Leiden's cover note and shares it; a Leiden council member reads it; a Leiderdorp
 * council member sees it only once it is shared. Axe finds nothing on the meetings list and the meeting page for
 * the adviseur and the council member; the meeting page fits 390 px. Skipped, saying why, without a reachable PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createDb } from '../../src/lib/server/db';
import * as register from '../../src/lib/server/modules/register';
import { todayInNl } from '../../src/lib/validation/decisions';
import { newUser, TEST_PASSWORD, testOrigin, type NewUser } from '../fixtures/factories';
import { connectBrowser } from './support/browser';
import { login } from './support/auth';
import { expectNoAxeViolations } from './support/axe';
import { measureOverflow } from './support/phone';
import { startServer, type RunningServer } from './support/server';
import { createPostgresDatabase, PG_SERVER, postgresMissing, type PostgresDatabase } from './support/postgres';

const missing = await postgresMissing();
if (missing) console.log(`register-cover-notes.test.ts: skipped: ${missing}`);

const dataDir = mkdtempSync(path.join(tmpdir(), 'rp-e2e-cover-notes-'));
let pg: PostgresDatabase;
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const people = {} as Record<'adviseur' | 'raadLeiden' | 'raadLeiderdorp', NewUser>;
let listPath = '';
let meetingPath = '';

const NOTE = {
	agenda: 'De ontwerpbegroting en de kadernota van Holland Rijnland.',
	relevance: 'De bijdrage van Leiden stijgt; de woonagenda raakt onze opgave.',
	proposedInput: 'Vraag om een taakstelling op de overhead.'
};

/** The arrangement with Leiden and Leiderdorp, a coming AB meeting in about ten days, and the three people. */
async function prepare(url: string): Promise<void> {
	const handle = await createDb({ url, max: 2 });
	try {
		const verkenner = await newUser(handle.db, [['verkenner', null]]);
		people.adviseur = await newUser(handle.db, [['ambtelijkadviseur', 'leiden']], { name: 'Anne Adviseur' });
		people.raadLeiden = await newUser(handle.db, [['klankbordgroeplid', 'leiden']], { name: 'Rik Raadslid' });
		people.raadLeiderdorp = await newUser(handle.db, [['klankbordgroeplid', 'leiderdorp']], { name: 'Lies Raadslid' });
		const fields = {
			name: 'Holland Rijnland',
			kind: 'gr',
			legalForm: 'openbaar_lichaam',
			steering: 'beleidsvoering',
			domain: 'Regionale samenwerking',
			startsOn: '2004-01-01'
		};
		const { id } = await register.createCollaboration(handle.db, verkenner.actor, fields, testOrigin);
		await register.setParticipants(
			handle.db,
			verkenner.actor,
			{ collaborationId: id, municipalities: [{ municipalityId: 'leiden' }, { municipalityId: 'leiderdorp' }] },
			testOrigin
		);
		const soon = new Date(`${todayInNl()}T12:00:00Z`);
		soon.setUTCDate(soon.getUTCDate() + 10);
		const meeting = await register.addBoardMeeting(
			handle.db,
			verkenner.actor,
			{ collaborationId: id, board: 'ab', on: soon.toISOString().slice(0, 10), title: 'Ontwerpbegroting en kadernota' },
			testOrigin
		);
		listPath = `/samenwerkingen/${id}/vergaderingen`;
		meetingPath = `${listPath}/${meeting.id}`;
	} finally {
		await handle.close();
	}
}

async function pageAs(who: NewUser): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.url, locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
	contexts.push(context);
	const page = await context.newPage();
	page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
	await login(page, who.email, TEST_PASSWORD);
	return page;
}

const leidenNote = (p: Page) => p.getByRole('article', { name: 'Oplegnotitie Leiden' });

describe.skipIf(!!missing)('cover notes for a coming AB meeting', () => {
	beforeAll(async () => {
		pg = await createPostgresDatabase(PG_SERVER);
		await prepare(pg.url);
		server = await startServer({ dataDir, databaseUrl: pg.url });
		browser = await connectBrowser();
	}, 240_000);

	afterAll(async () => {
		for (const c of contexts) await c.close();
		await browser?.close();
		await server?.stop();
		await pg?.drop();
		rmSync(dataDir, { recursive: true, force: true });
	});

	it('the adviseur writes Leiden’s cover note and shares it; both pages pass axe', async () => {
		const p = await pageAs(people.adviseur);
		await p.goto(listPath);
		expect(await p.getByRole('heading', { level: 1 }).innerText()).toBe('Bestuursvergaderingen van Holland Rijnland');
		const coming = p.getByRole('region', { name: 'Komende vergaderingen' });
		expect(await coming.getByRole('listitem').innerText()).toContain('nog geen oplegnotitie');
		await expectNoAxeViolations(p);
		await coming.getByRole('link', { name: /^Algemeen bestuur van / }).click();
		await p.waitForURL((u) => u.pathname === meetingPath);
		await expectNoAxeViolations(p);
		const note = leidenNote(p);
		await note.getByLabel('Wat staat er op de agenda').fill(NOTE.agenda);
		await note.getByLabel('Wat is van belang voor de gemeente').fill(NOTE.relevance);
		await note.getByLabel('Voorgestelde inbreng voor het bestuurslid').fill(NOTE.proposedInput);
		await note.getByRole('button', { name: 'Oplegnotitie opslaan' }).click();
		await note.getByText('De oplegnotitie is opgeslagen.').waitFor();
		expect(await note.getByText('Intern: alleen zichtbaar voor de eigen gemeente').count()).toBe(1);
		await note.getByRole('button', { name: 'Delen met alle lezers van het register' }).click();
		await note.getByText('De oplegnotitie is gedeeld.').waitFor();
		await note.getByText(/^Gedeeld op /).waitFor();
		await expectNoAxeViolations(p);
		// Reloaded, the shared note keeps its texts.
		await p.reload();
		expect(await leidenNote(p).getByLabel('Voorgestelde inbreng voor het bestuurslid').inputValue()).toBe(NOTE.proposedInput);
	});

	it('a Leiden council member reads the note and comments on it; both pages pass axe', async () => {
		const p = await pageAs(people.raadLeiden);
		await p.goto(listPath);
		expect(await p.getByRole('region', { name: 'Komende vergaderingen' }).getByRole('listitem').innerText()).toContain('1 oplegnotitie');
		await expectNoAxeViolations(p);
		await p.goto(meetingPath);
		const note = leidenNote(p);
		for (const text of Object.values(NOTE)) await note.getByText(text).waitFor();
		expect(await note.getByRole('button', { name: 'Oplegnotitie opslaan' }).count()).toBe(0);
		expect(await p.getByRole('article', { name: 'Oplegnotitie Leiderdorp' }).getByText('Nog geen gedeelde oplegnotitie.').count()).toBe(1);
		await note.getByLabel('Uw reactie').fill('Graag bespreken in de commissie.');
		await note.getByRole('button', { name: 'Reactie plaatsen' }).click();
		await note.getByText('Uw reactie is geplaatst.').waitFor();
		await note.getByText('Graag bespreken in de commissie.').waitFor();
		await expectNoAxeViolations(p);
		// At 390 px the meeting page does not scroll sideways.
		await p.setViewportSize({ width: 390, height: 844 });
		const overflow = await measureOverflow(p);
		expect(overflow.scrollWidth, overflow.culprits.join('\n')).toBeLessThanOrEqual(390);
	});

	it('a Leiderdorp council member reads the shared note, and nothing once the sharing is taken back', async () => {
		const p = await pageAs(people.raadLeiderdorp);
		await p.goto(meetingPath);
		await leidenNote(p).getByText(NOTE.relevance).waitFor();
		const adviseur = await pageAs(people.adviseur);
		await adviseur.goto(meetingPath);
		await leidenNote(adviseur).getByRole('button', { name: 'Delen intrekken' }).click();
		await leidenNote(adviseur).getByText('De oplegnotitie is weer intern.').waitFor();
		await p.reload();
		expect(await leidenNote(p).getByText('Nog geen gedeelde oplegnotitie.').count()).toBe(1);
		expect(await p.content()).not.toContain(NOTE.relevance);
		expect(await p.content()).not.toContain('Graag bespreken in de commissie.');
		expect(pageErrors).toEqual([]);
	});
});
