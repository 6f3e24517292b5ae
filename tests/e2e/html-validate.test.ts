/**
 * The server-rendered HTML of the main pages passes html-validate's recommended preset (with the few style rules
 * `.htmlvalidate.json` turns off, see tests/e2e/README.md): valid nesting, unique ids, landmarks with unique names.
 * Runs its own production server: the administrator enrols TOTP here, which would lock the account for other files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HtmlValidate, type ConfigData, type Message } from 'html-validate';
import type { Browser } from 'playwright-core';
import { connectBrowser } from './support/browser';
import { email } from './support/accounts';
import { enrolTotp, login, loginOverHttp, SESSION_COOKIE } from './support/auth';
import { startServer, type RunningServer } from './support/server';

const root = fileURLToPath(new URL('../..', import.meta.url));
const config = JSON.parse(readFileSync(path.join(root, '.htmlvalidate.json'), 'utf8')) as ConfigData;
const validator = new HtmlValidate(config);
let server: RunningServer;
let browser: Browser;
const dataDir = mkdtempSync(path.join(tmpdir(), 'rp-e2e-html-'));

beforeAll(async () => {
	server = await startServer({ dataDir });
	browser = await connectBrowser();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

async function html(pathname: string, cookie?: string): Promise<string> {
	const res = await fetch(new URL(pathname, server.url), { headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) }, redirect: 'manual' });
	expect(res.status, `${pathname} answers 200`).toBe(200);
	return res.text();
}

/** The first link on the page whose path matches `pattern` (an item, a session, an interview of the demo data). */
function firstLink(page: string, pattern: RegExp): string {
	const href = [...page.matchAll(/href="([^"]+)"/g)].map((m) => m[1]).find((h) => pattern.test(h));
	if (!href) throw new Error(`no link like ${pattern}`);
	return href;
}

async function problems(pathname: string, cookie?: string): Promise<string[]> {
	const report = await validator.validateString(await html(pathname, cookie), pathname);
	return report.results.flatMap((r) => r.messages.map((m: Message) => `${pathname}: ${m.ruleId} ${m.message} (${m.selector ?? `${m.line}:${m.column}`})`));
}

const uuid = '[0-9a-f-]{36}';

describe('html-validate, recommended preset', () => {
	it('the login page', async () => {
		expect(await problems('/inloggen')).toEqual([]);
	});

	it("the verkenner's pages: overview, agenda, an item, positions, municipalities, sessions, inventory, account", { timeout: 120_000 }, async () => {
		const { cookie } = await loginOverHttp(email('verkenner'), undefined, server.url);
		const agenda = await html('/agenda', cookie);
		const sessions = await html('/sessies', cookie);
		const inventory = await html('/inventarisatie', cookie);
		const gemeenten = await html('/gemeenten', cookie);
		const pages = [
			'/',
			'/agenda',
			firstLink(agenda, new RegExp(`^/agenda/${uuid}$`)),
			'/agenda/nieuw',
			'/standpunten',
			'/gemeenten',
			firstLink(gemeenten, /^\/gemeenten\/[a-z]+$/),
			'/sessies',
			firstLink(sessions, new RegExp(`^/sessies/${uuid}$`)),
			'/sessies/nieuw',
			'/inventarisatie',
			firstLink(inventory, new RegExp(`^/inventarisatie/${uuid}$`)),
			'/meldingen',
			'/account'
		];
		const found = (await Promise.all(pages.map((p) => problems(p, cookie)))).flat();
		expect(found, found.join('\n')).toEqual([]);
	});

	it(
		'the public pages: agenda, an item, ambitions and one, municipalities and one, sessions and one, open data, statements',
		{ timeout: 120_000 },
		async () => {
			const agenda = await html('/openbaar');
			const sessions = await html('/openbaar/sessies');
			const pages = [
				'/openbaar',
				'/openbaar?ambitie=3&status=vastgesteld',
				firstLink(agenda, new RegExp(`^/openbaar/agenda/${uuid}$`)),
				'/openbaar/ambities',
				'/openbaar/ambities/1',
				'/openbaar/gemeenten',
				'/openbaar/gemeenten/leiden',
				'/openbaar/sessies',
				firstLink(sessions, new RegExp(`^/openbaar/sessies/${uuid}$`)),
				'/openbaar/open-data',
				'/toegankelijkheid',
				'/privacy'
			];
			const found = (await Promise.all(pages.map((p) => problems(p)))).flat();
			expect(found, found.join('\n')).toEqual([]);
		}
	);

	it("the administrator's pages", { timeout: 120_000 }, async () => {
		const context = await browser.newContext({ baseURL: server.url, locale: 'nl-NL' });
		try {
			const page = await context.newPage();
			await login(page, email('beheer'));
			await enrolTotp(page);
			const session = (await context.cookies(server.url)).find((c) => c.name === SESSION_COOKIE);
			const cookie = `${SESSION_COOKIE}=${session?.value}`;
			const pages = [
				'/beheer',
				'/beheer/gebruikers',
				'/beheer/gebruikers/uitnodigen',
				'/beheer/gemeenten',
				'/beheer/inlogdiensten',
				'/beheer/audit',
				'/beheer/uitgaande-mail'
			];
			const found = (await Promise.all(pages.map((p) => problems(p, cookie)))).flat();
			expect(found, found.join('\n')).toEqual([]);
		} finally {
			await context.close();
		}
	});
});
