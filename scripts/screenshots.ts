/**
 * `npm run screenshots`: pictures of the main pages at 1280 px (desk) and 390 px (phone) into docs/screenshots/,
 * so the README shows what the portal looks like today. Builds when the sources changed, starts the production
 * server on a fresh embedded database with the demo data (as the end-to-end tests do), logs in as the roles
 * that see each page, and writes one PNG per page and width.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildIfNeeded } from './build-if-needed.js';
import { CHROMIUM, chromiumArgs } from '../tests/e2e/support/browser';
import { startServer } from '../tests/e2e/support/server';
import { email } from '../tests/e2e/support/accounts';
import { enrolTotp, login, loginWithTotp } from '../tests/e2e/support/auth';
import { openSettled } from '../tests/e2e/support/phone';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.join(root, 'docs/screenshots');
const widths = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
/** A full page, cut off here: the top of a long page shows what it is. */
const MAX_HEIGHT = 2400;

interface Shot {
	name: string;
	/** A path, or a function that finds the path on the page it is given (a link from a list). */
	path: string | ((page: Page) => Promise<string>);
}

/** The first link whose path matches `pattern` on the first of `lists` that has one: an item or a session of the demo data. */
const firstLink =
	(lists: string[], pattern: RegExp) =>
	async (page: Page): Promise<string> => {
		for (const list of lists) {
			await page.goto(list);
			const hrefs = await page.$$eval('main a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
			const href = hrefs.find((h) => pattern.test(h));
			if (href) return href;
		}
		throw new Error(`no link like ${pattern} on ${lists.join(', ')}`);
	};

/** Who takes which pictures: the role that sees the page as it is meant to be used. */
const roles: { account: string; twoFactor: boolean; shots: Shot[] }[] = [
	{
		account: email('verkenner'),
		twoFactor: false,
		shots: [
			{ name: 'overzicht', path: '/' },
			{ name: 'agenda', path: '/agenda' },
			// An item in discussion: positions, comments and costs to show.
			{ name: 'agendapunt', path: firstLink(['/agenda?status=in_bespreking', '/agenda'], /^\/agenda\/[0-9a-f-]{36}$/) },
			{ name: 'standpunten', path: '/standpunten' },
			{ name: 'sessie', path: firstLink(['/sessies'], /^\/sessies\/[0-9a-f-]{36}$/) },
			{ name: 'inventarisatie', path: '/inventarisatie' }
		]
	},
	{ account: email('beheer'), twoFactor: true, shots: [{ name: 'beheer', path: '/beheer' }] }
];

async function takeShots(browser: Browser, base: string, role: (typeof roles)[number]): Promise<void> {
	let key: Uint8Array | undefined;
	for (const [size, viewport] of Object.entries(widths)) {
		const context = await browser.newContext({ baseURL: base, locale: 'nl-NL', viewport });
		const page = await context.newPage();
		// The second factor is enrolled at the first login; later logins give a code from the same key.
		if (key) await loginWithTotp(page, role.account, key);
		else await login(page, role.account);
		if (role.twoFactor && !key) key = await enrolTotp(page);
		for (const shot of role.shots) {
			const target = typeof shot.path === 'string' ? shot.path : await shot.path(page);
			// Hydrated and connected, so the header says "Verbonden".
			await openSettled(page, target);
			const height = await page.evaluate(() => document.documentElement.scrollHeight);
			const file = path.join(outDir, `${shot.name}-${viewport.width}.png`);
			await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: viewport.width, height: Math.min(height, MAX_HEIGHT) } });
			console.log(`${path.relative(root, file)} (${target})`);
		}
		if (size === 'phone' && role.shots.some((s) => s.name === 'overzicht')) await menuShot(page);
		await context.close();
	}
}

/** The phone's main navigation, opened. */
async function menuShot(page: Page): Promise<void> {
	await openSettled(page, '/');
	await page.getByRole('button', { name: 'Menu' }).click();
	const file = path.join(outDir, 'menu-390.png');
	await page.screenshot({ path: file });
	console.log(path.relative(root, file));
}

async function main(): Promise<void> {
	buildIfNeeded();
	mkdirSync(outDir, { recursive: true });
	const dataDir = mkdtempSync(path.join(tmpdir(), 'rp-screenshots-'));
	const server = await startServer({ dataDir });
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
	try {
		for (const role of roles) await takeShots(browser, server.url, role);
	} finally {
		await browser.close();
		await server.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

await main();
