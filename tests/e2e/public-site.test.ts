/**
 * The public site as an anonymous visitor meets it, on the shared server with the demo data: every page reachable
 * from the public header (and every item and session page) answers 200, passes axe and fits a 390 px phone; no
 * page's HTML holds an internal comment, a confidential interview, a position its municipality did not share or
 * an e-mail address (the texts are read from the same demo data, seeded into an in-memory database here). A
 * non-public item is a bare 404; pages carry a canonical link, `Cache-Control`, an `ETag` answered with `304`,
 * and the English version; a signed-in visitor gets the same page without a cookie.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createDb } from '../../src/lib/server/db';
import { seedIfEmpty } from '../../src/lib/server/seed';
import { seedDemoAgenda } from '../../src/lib/server/seed/demo-agenda';
import { seedDemoMeetings } from '../../src/lib/server/seed/demo-meetings';
import { comments, interviews, positions, users } from '../../src/lib/server/db/schema';
import { connectBrowser } from './support/browser';
import { baseURL, urlOf } from './support/context';
import { email } from './support/accounts';
import { loginOverHttp } from './support/auth';
import { formatViolations, runAxe } from './support/axe';
import { measureOverflow, PHONE } from './support/phone';
import { pageShape, shapeProblems } from './support/page-shape';

interface Secrets {
	internalComments: string[];
	confidentialInterviews: string[];
	unsharedReasons: string[];
	emails: string[];
}

/** The demo data's internal texts, from the same seed the server ran, in a database of this test's own. */
async function demoSecrets(): Promise<Secrets> {
	const handle = await createDb({ dataDir: 'memory://' });
	try {
		await handle.migrate();
		await seedIfEmpty(handle.db, { demo: true });
		await seedDemoAgenda(handle.db);
		await seedDemoMeetings(handle.db);
		const db = handle.db;
		const internal = await db.select().from(comments).where(eq(comments.visibility, 'internal'));
		const confidential = await db.select().from(interviews).where(eq(interviews.visibility, 'vertrouwelijk'));
		const unshared = await db.select().from(positions).where(eq(positions.sharedPublicly, false));
		return {
			internalComments: internal.map((c) => c.body.slice(0, 60)),
			confidentialInterviews: confidential.map((i) => i.notesText.slice(0, 60)).filter(Boolean),
			unsharedReasons: unshared.map((p) => p.reasons.slice(0, 60)).filter(Boolean),
			emails: (await db.select().from(users)).map((u) => u.email)
		};
	} finally {
		await handle.close();
	}
}

const publicPath = (path: string) => ['/openbaar', '/toegankelijkheid', '/privacy'].some((p) => path === p || path.startsWith(p + '/'));

let browser: Browser;
let context: BrowserContext;
let page: Page;
let secrets: Secrets;

beforeAll(async () => {
	browser = await connectBrowser();
	context = await browser.newContext({ baseURL: baseURL(), locale: 'nl-NL', viewport: PHONE, javaScriptEnabled: true });
	page = await context.newPage();
	secrets = await demoSecrets();
}, 180_000);
afterAll(async () => {
	await context?.close();
	await browser?.close();
});

async function linksOn(selector: string): Promise<string[]> {
	const hrefs = await page.$$eval(selector, (as) => (as as HTMLAnchorElement[]).map((a) => a.href));
	return hrefs
		.map((h) => new URL(h))
		.filter((u) => u.origin === new URL(baseURL()).origin && publicPath(u.pathname) && !u.search)
		.map((u) => u.pathname);
}

/** Every public page reachable from the header, breadth first: the header's links, then everything they link to. */
async function crawl(): Promise<Map<string, string>> {
	await page.goto('/openbaar');
	const queue = [...new Set([...(await linksOn('header nav a')), ...(await linksOn('footer a'))])];
	expect(queue).toEqual(
		expect.arrayContaining([
			'/openbaar',
			'/openbaar/ambities',
			'/openbaar/gemeenten',
			'/openbaar/sessies',
			'/openbaar/open-data',
			'/toegankelijkheid',
			'/privacy'
		])
	);
	const seen = new Map<string, string>();
	const problems: string[] = [];
	while (queue.length) {
		const path = queue.shift()!;
		if (seen.has(path)) continue;
		const response = await page.goto(path);
		const html = (await response?.text()) ?? '';
		seen.set(path, html);
		if (response?.status() !== 200) {
			problems.push(`${path}: status ${response?.status()}`);
			continue;
		}
		const axe = await runAxe(page);
		if (axe.violations.length) problems.push(`${path}: ${formatViolations(axe)}`);
		problems.push(...shapeProblems(path, await pageShape(page)));
		const overflow = await measureOverflow(page);
		if (overflow.scrollWidth > PHONE.width) problems.push(`${path}: ${overflow.scrollWidth} px wide at 390: ${overflow.culprits.join('; ')}`);
		for (const next of await linksOn('a')) if (!seen.has(next)) queue.push(next);
	}
	expect(problems).toEqual([]);
	return seen;
}

describe('the public site for an anonymous visitor', () => {
	let pages: Map<string, string>;

	it(
		'every page from the header, every item and every session: 200, axe clean, title and landmarks, no sideways scroll at 390 px',
		{ timeout: 240_000 },
		async () => {
			pages = await crawl();
			const paths = [...pages.keys()];
			expect(paths.filter((p) => /^\/openbaar\/agenda\/[0-9a-f-]{36}$/.test(p))).toHaveLength(3);
			expect(paths.filter((p) => /^\/openbaar\/sessies\/[0-9a-f-]{36}$/.test(p))).toHaveLength(1);
			expect(paths).toEqual(
				expect.arrayContaining(['/openbaar/ambities/1', '/openbaar/ambities/7', '/openbaar/gemeenten/leiden', '/openbaar/gemeenten/zoeterwoude'])
			);
		}
	);

	it('no page holds an internal comment, a confidential interview, an unshared position or an e-mail address', () => {
		expect(pages?.size).toBeGreaterThan(20);
		expect(secrets.internalComments.length * secrets.confidentialInterviews.length * secrets.unsharedReasons.length).toBeGreaterThan(0);
		for (const [path, html] of pages) {
			for (const text of [...secrets.internalComments, ...secrets.confidentialInterviews, ...secrets.unsharedReasons, ...secrets.emails]) {
				expect(html.includes(text), `${path} holds "${text}"`).toBe(false);
			}
			expect(html, path).not.toMatch(/[\w.+-]+@[\w-]+\.[a-z]{2,}/i);
		}
	});

	it('the open data the public pages link to, and every address in it, holds none of it either', { timeout: 120_000 }, async () => {
		const queue = [
			...new Set([...pages.values()].flatMap((html) => [...html.matchAll(/href="(\/api\/open\/[^"#]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&'))))
		];
		expect(queue).toEqual(expect.arrayContaining(['/api/open/v1/items']));
		const fetched = new Map<string, string>();
		while (queue.length) {
			const path = queue.shift()!;
			if (fetched.has(path)) continue;
			const res = await fetch(urlOf(path));
			const body = await res.text();
			fetched.set(path, body);
			expect(res.status, path).toBe(200);
			// Follow the data's own links one by one (items, versions, sessions), as a harvester would.
			for (const m of body.matchAll(/"(?:dataUrl|url)":"(?:https?:\/\/[^/"]+)?(\/api\/open\/[^"]+)"/g)) if (!fetched.has(m[1])) queue.push(m[1]);
			for (const m of body.matchAll(/\/api\/open\/v1\/items\/[0-9a-f-]{36}\/versions\/\d+/g)) if (!fetched.has(m[0])) queue.push(m[0]);
		}
		expect([...fetched.keys()].filter((p) => /^\/api\/open\/v1\/items\/[0-9a-f-]{36}$/.test(p))).toHaveLength(3);
		for (const [path, body] of fetched) {
			for (const text of [...secrets.internalComments, ...secrets.confidentialInterviews, ...secrets.unsharedReasons, ...secrets.emails]) {
				expect(body.includes(text), `${path} holds "${text}"`).toBe(false);
			}
			expect(body, path).not.toMatch(/[\w.+-]+@[\w-]+\.[a-z]{2,}/i);
		}
	});

	it('shows an adopted item with its text as signed, the full hash and the link to verify it', () => {
		const found = [...pages].find(([p, h]) => /^\/openbaar\/agenda\//.test(p) && /<h1[^>]*>Regionale Omgevingsvisie/.test(h));
		expect(found).toBeTruthy();
		const [path, html] = found!;
		expect(html).toMatch(/data-testid="content-hash">[0-9a-f]{64}</);
		expect(html).toContain(`href="/api/open/v1/items/${path.split('/').pop()}/versions/`);
		expect(html).toContain('Besluiten van de colleges');
	});
});

describe('what is not public, caching, canonical addresses and languages', () => {
	it('answers 404, saying nothing more, for an item that is not public, an unknown and a malformed id', async () => {
		const { cookie } = await loginOverHttp(email('verkenner'));
		const agenda = await (await fetch(urlOf('/agenda'), { headers: { cookie } })).text();
		const allIds = [...new Set([...agenda.matchAll(/href="\/agenda\/([0-9a-f-]{36})"/g)].map((m) => m[1]))];
		const publicList = await (await fetch(urlOf('/openbaar'))).text();
		const hidden = allIds.filter((id) => !publicList.includes(id));
		expect(hidden.length).toBeGreaterThan(0);
		for (const id of [...hidden, '00000000-0000-4000-8000-000000000000', 'geen-id']) {
			const res = await fetch(urlOf(`/openbaar/agenda/${id}`));
			expect(res.status, id).toBe(404);
			expect(res.headers.get('cache-control')).toBe('no-store');
			const body = await res.text();
			expect(body).toContain('Deze pagina is niet openbaar te vinden.');
			const title = agenda.match(new RegExp(`href="/agenda/${id}"[^>]*>([^<]+)<`))?.[1];
			if (title) expect(body).not.toContain(title);
		}
	});

	it('sends Cache-Control, Vary and an ETag, and 304 when the visitor has the page; another language is another ETag', async () => {
		const res = await fetch(urlOf('/openbaar'));
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');
		expect(res.headers.get('vary')).toMatch(/cookie/i);
		expect(res.headers.get('set-cookie')).toBeNull();
		const etag = res.headers.get('etag')!;
		expect(etag).toMatch(/^"p-[\w-]+"$/);
		const again = await fetch(urlOf('/openbaar'), { headers: { 'if-none-match': etag } });
		expect(again.status).toBe(304);
		expect(again.headers.get('etag')).toBe(etag);
		expect(await again.text()).toBe('');
		const item = await fetch(urlOf('/toegankelijkheid'), { headers: { 'if-none-match': `W/${etag}` } });
		expect(item.status).toBe(304);
		const english = await fetch(urlOf('/openbaar'), { headers: { 'if-none-match': etag, cookie: 'PARAGLIDE_LOCALE=en' } });
		expect(english.status).toBe(200);
		expect(english.headers.get('etag')).not.toBe(etag);
	});

	it('gives a signed-in visitor the same page, without a cookie and without a name', async () => {
		const { cookie } = await loginOverHttp(email('klankbord.leiden'));
		const anonymous = await (await fetch(urlOf('/openbaar/sessies'))).text();
		const res = await fetch(urlOf('/openbaar/sessies'), { headers: { cookie } });
		expect(res.status).toBe(200);
		expect(res.headers.get('set-cookie')).toBeNull();
		expect(res.headers.get('cache-control')).toMatch(/^public/);
		expect(await res.text()).toBe(anonymous);
	});

	it('names its canonical, absolute address (without filters), a title and a description', async () => {
		const html = await (await fetch(urlOf('/openbaar?ambitie=3&gemeente=onbekend'))).text();
		expect(html).toContain(`<link rel="canonical" href="${new URL(baseURL()).origin}/openbaar"`);
		expect(html).toMatch(/<title>Uitvoeringsagenda · Regioportaal Leidse regio<\/title>/);
		expect(html).toMatch(/<meta name="description" content="[^"]{40,}"/);
		expect(html).toMatch(/<html lang="nl"/);
	});

	it('is in English after the language switch, and links to logging in', async () => {
		const english = await browser.newContext({ baseURL: baseURL(), locale: 'nl-NL' });
		try {
			const p = await english.newPage();
			await p.goto('/openbaar/ambities');
			await p.getByRole('button', { name: /English|Switch to English/ }).click();
			await p.waitForURL('**/openbaar/ambities');
			expect(await p.getAttribute('html', 'lang')).toBe('en');
			expect(await p.locator('h1').innerText()).toBe('Ambitions');
			expect(await p.title()).toBe('Ambitions · Regioportaal Leidse regio');
			expect(await p.getByRole('link', { name: 'Log in' }).getAttribute('href')).toBe('/inloggen');
			await p.goto('/openbaar');
			expect(await p.locator('h1').innerText()).toBe('Implementation agenda of the Leiden region');
			const a11y = await runAxe(p);
			expect(a11y.violations, formatViolations(a11y)).toEqual([]);
		} finally {
			await english.close();
		}
	});

	it('shows a change at once: a new stamp is a new ETag and a newly rendered page', async () => {
		const list = await (await fetch(urlOf('/openbaar'))).text();
		const id = list.match(/href="\/openbaar\/agenda\/([0-9a-f-]{36})"[^>]*>Versnelling woningbouw/)![1];
		const before = await fetch(urlOf(`/openbaar/agenda/${id}`));
		const etag = before.headers.get('etag')!;
		const original = 'Leiden kan de woningbouwopgave niet binnen de eigen grenzen realiseren';
		expect(await before.text()).toContain(original);
		const { cookie } = await loginOverHttp(email('klankbord.leiden'));
		const share = async (reasons: string) => {
			const body = new URLSearchParams({ itemId: id, municipalityId: 'leiden', position: 'steunt', reasons, sharedPublicly: 'on' });
			const res = await fetch(urlOf(`/agenda/${id}?/position`), {
				method: 'POST',
				body,
				headers: { cookie, origin: new URL(baseURL()).origin },
				redirect: 'manual'
			});
			expect(res.status).toBeLessThan(400);
		};
		const full = `${original}; regionale afspraken zijn nodig om vaart te maken.`;
		await share('Leiden steunt dit, en zegt het nu in andere woorden.');
		try {
			const after = await fetch(urlOf(`/openbaar/agenda/${id}`), { headers: { 'if-none-match': etag } });
			expect(after.status).toBe(200);
			expect(after.headers.get('etag')).not.toBe(etag);
			const html = await after.text();
			expect(html).toContain('Leiden steunt dit, en zegt het nu in andere woorden.');
			expect(html).not.toContain(original);
		} finally {
			await share(full);
		}
		expect(await (await fetch(urlOf(`/openbaar/agenda/${id}`))).text()).toContain(full);
	});

	it('is linked from the login page', async () => {
		const html = await (await fetch(urlOf('/inloggen'))).text();
		expect(html).toContain('href="/openbaar"');
	});
});
