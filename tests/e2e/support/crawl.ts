import type { Page } from 'playwright-core';
import { baseURL } from './context';
import { formatViolations, runAxe, type AxeOutcome } from './axe';
import { connectionStatus } from './pages';
import { pageShape, shapeProblems, type PageShape } from './page-shape';

export interface Visit {
	url: string;
	depth: number;
	status: number | null;
	finalPath: string;
	html: boolean;
	axe?: AxeOutcome;
	/** Title, landmark names and the look of the form controls. */
	shape?: PageShape;
	/** Content-Security-Policy refusals and uncaught script errors seen while the page was open. */
	pageErrors: string[];
}

/** Paths the crawler never follows: they change state (log out, switch language) or are not pages. */
const skippedPaths = ['/uitloggen', '/taal', '/_app/'];
/** Same route with another id: a few examples of each are enough (e.g. /beheer/gebruikers/:id). */
const PER_PATTERN = 2;

export function pattern(u: URL): string {
	return u.pathname
		.split('/')
		.map((s) => (/^[0-9a-f]{8}-[0-9a-f]{4}-|^\d+$|^[A-Za-z0-9_-]{20,}$/.test(s) ? ':id' : s))
		.join('/');
}

/** A same-origin page link worth visiting, normalised (no fragment); null when it is to be skipped. */
export function followable(href: string, from: string): URL | null {
	let u: URL;
	try {
		u = new URL(href, from);
	} catch {
		return null;
	}
	if (u.origin !== new URL(baseURL()).origin) return null;
	if (skippedPaths.some((p) => u.pathname === p || u.pathname.startsWith(p.endsWith('/') ? p : p + '/'))) return null;
	// A SvelteKit form action (`?/name`) is posted to, not opened.
	if (u.search.startsWith('?/')) return null;
	u.hash = '';
	return u;
}

async function linksOn(page: Page, selector: string): Promise<URL[]> {
	const hrefs = await page.$$eval(selector, (as) =>
		(as as HTMLAnchorElement[]).filter((a) => !a.hasAttribute('download')).map((a) => a.getAttribute('href') ?? '')
	);
	return hrefs.map((h) => followable(h, page.url())).filter((u): u is URL => u !== null);
}

/** Opens one page and checks it the way a user meets it: status, live connection, axe. */
export async function visit(page: Page, url: string, depth: number): Promise<Visit> {
	const pageErrors: string[] = [];
	const onConsole = (msg: { type(): string; text(): string }) => {
		if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) pageErrors.push(`CSP: ${msg.text()}`);
	};
	const onError = (err: Error) => pageErrors.push(`script error: ${err.message}`);
	page.on('console', onConsole);
	page.on('pageerror', onError);
	try {
		const response = await page.goto(url, { waitUntil: 'load' });
		const status = response?.status() ?? null;
		const html = (response?.headers()['content-type'] ?? '').includes('text/html');
		const result: Visit = { url, depth, status, finalPath: new URL(page.url()).pathname, html, pageErrors };
		if (!html) return result;
		// Let the page hydrate and connect before axe looks at it (pages without the indicator go on at once).
		if (await connectionStatus(page).count()) {
			const up = await connectionStatus(page)
				.filter({ hasText: 'Verbonden' })
				.waitFor({ timeout: 5_000 })
				.then(() => true)
				.catch(() => false);
			if (!up) pageErrors.push(`live connection not up: "${(await connectionStatus(page).innerText()).trim()}"`);
		}
		result.axe = await runAxe(page);
		result.shape = await pageShape(page);
		return result;
	} finally {
		page.off('console', onConsole);
		page.off('pageerror', onError);
	}
}

/**
 * Depth 1: every link in the header navigation; depth 2: every link on those pages. GET only.
 * The page must be logged in; it is left on the last page visited.
 */
export async function crawlFromHeader(page: Page, maxDepth: 1 | 2 = 2): Promise<Visit[]> {
	await page.goto('/');
	const seen = new Set<string>();
	const perPattern = new Map<string, number>();
	const admit = (u: URL) => {
		const key = u.toString();
		if (seen.has(key)) return false;
		const p = pattern(u);
		if ((perPattern.get(p) ?? 0) >= PER_PATTERN) return false;
		seen.add(key);
		perPattern.set(p, (perPattern.get(p) ?? 0) + 1);
		return true;
	};
	const level1 = (await linksOn(page, 'header nav a[href]')).filter(admit);
	if (!level1.length) throw new Error('the header navigation has no links');
	const visits: Visit[] = [];
	const level2: URL[] = [];
	for (const u of level1) {
		const v = await visit(page, u.toString(), 1);
		visits.push(v);
		if (maxDepth === 2 && v.html && v.status !== null && v.status < 400) level2.push(...(await linksOn(page, 'a[href]')).filter(admit));
	}
	for (const u of level2) visits.push(await visit(page, u.toString(), 2));
	return visits;
}

/** Everything wrong with a crawl, one line (or block) per page; empty when all is well. */
export function crawlProblems(visits: Visit[]): string[] {
	const problems: string[] = [];
	for (const v of visits) {
		const where = `${new URL(v.url).pathname}${new URL(v.url).search} (depth ${v.depth})`;
		if (v.status === null || v.status >= 400) problems.push(`${where}: HTTP ${v.status}`);
		if (v.finalPath === '/inloggen' || v.finalPath.startsWith('/inloggen/')) problems.push(`${where}: ended up on ${v.finalPath} (logged out?)`);
		if (v.finalPath === '/account/tweestaps-instellen' && new URL(v.url).pathname !== v.finalPath) {
			problems.push(`${where}: sent to set up two-step verification first`);
		}
		for (const e of v.pageErrors) problems.push(`${where}: ${e}`);
		if (v.axe && v.axe.passes === 0) problems.push(`${where}: axe did not run`);
		if (v.axe?.violations.length) problems.push(`${where}: ${formatViolations(v.axe)}`);
		if (v.shape) problems.push(...shapeProblems(where, v.shape));
	}
	return problems;
}

/** One line per crawl, so a run shows which pages each role reached. */
export function logCrawl(who: string, visits: Visit[]): void {
	const paths = visits.map((v) => `${new URL(v.url).pathname}${new URL(v.url).search}`);
	console.log(`crawl as ${who}: ${visits.length} page(s): ${paths.join(' ')}`);
}
