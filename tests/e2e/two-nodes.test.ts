/**
 * Two app nodes behind HAProxy, as docs/deployment.md describes them: two `node server.js` processes on one
 * fresh PostgreSQL database (same APP_SECRET, ORIGIN = the proxy's address), HAProxy with deploy/haproxy.cfg
 * in front. Chromium pages whose live connections land on different nodes (each answer names its node:
 * NODE_NAME → X-Regioportaal-Node, read from the websocket handshake over the DevTools protocol) co-edit a
 * description and comment; a logout answered by one node closes the same login's connection on the other
 * node; one node is killed (SIGKILL) while a page types and comments, the pages reconnect through the proxy
 * to the other node, and the database holds every comment once and all the text.
 * Also: a second server.js on the same embedded DATA_DIR refuses to start.
 * Skipped (saying why) when HAProxy or PostgreSQL is not available.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { createDb, schema, type DbHandle } from '../../src/lib/server/db';
import { storedText } from '../integration/collab/helpers';
import { connectBrowser } from './support/browser';
import { email } from './support/accounts';
import { login } from './support/auth';
import { startServer, freePort, type RunningServer } from './support/server';
import { createPostgresDatabase, PG_SERVER, postgresMissing, type PostgresDatabase } from './support/postgres';
import { haproxyMissing, startHaproxy, type RunningProxy } from './support/haproxy';
import { trackLiveConnection, type LiveConnection } from './support/live-node';
import { untilEditorShows, postComment, commentsRegion } from './support/item-page';

const root = fileURLToPath(new URL('../..', import.meta.url));
const missing = haproxyMissing() ?? (await postgresMissing());
if (missing) console.log(`two-nodes.test.ts: the two-node tests are skipped: ${missing}`);

const dir = mkdtempSync(path.join(tmpdir(), 'rp-e2e-two-nodes-'));
const nodes = new Map<string, RunningServer>();
let pg: PostgresDatabase;
let db: DbHandle;
let proxy: RunningProxy;
let browser: Browser;
/** How each node was started, to start it again where the proxy expects it. */
const nodeOptions = new Map<string, Parameters<typeof startServer>[0]>();
const contexts: BrowserContext[] = [];
let itemPath = '';
const EARLIER_COMMENTS = ['Reactie van de verkenner via de ene node', 'Reactie van Leiden via de andere node'];

const description = (p: Page) => p.getByRole('region', { name: 'Beschrijving' }).locator('.collab-editor');
const comments = commentsRegion;
/** The description's text, without the other editors' caret labels. */
const textOf = (p: Page) =>
	description(p).evaluate((el) => {
		const copy = el.cloneNode(true) as HTMLElement;
		copy.querySelectorAll('.collab-caret').forEach((c) => c.remove());
		return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
	});
const descriptionStatus = (p: Page) => p.getByRole('region', { name: 'Beschrijving' }).locator('.collab-field').getAttribute('data-status');
/**
 * The ids of the shared comments the page shows (each once in the list; pending ones are not articles). A
 * municipality's internal comments (the demo discussion has one of Leiden's) are for its own people only.
 */
const shownCommentIds = (p: Page) =>
	comments(p)
		.locator('article.comment')
		.evaluateAll((els) => els.filter((e) => !e.querySelector('.tag.internal')).map((e) => e.id.replace(/^reactie-/, '')));
/** Text without whitespace and dashes: the stored text marks list items with "- ", the page with bullets. */
const letters = (s: string) => s.replace(/[\s-]+/g, '');

async function openItem(p: Page) {
	await p.goto(itemPath);
	await description(p).waitFor({ state: 'visible', timeout: 20_000 });
	await p.waitForFunction(() => document.querySelector('.collab-editor')?.getAttribute('contenteditable') === 'true', undefined, { timeout: 20_000 });
	await p.locator('.connection[data-state="connected"]').waitFor({ timeout: 20_000 });
}

/** A page logged in as `account` (a context of its own unless one is given), with its live connection tracked. */
async function pageAs(account: string, context?: BrowserContext): Promise<{ page: Page; live: LiveConnection }> {
	let ctx = context;
	if (!ctx) {
		ctx = await browser.newContext({ baseURL: proxy.url, locale: 'nl-NL' });
		contexts.push(ctx);
	}
	const page = await ctx.newPage();
	const live = await trackLiveConnection(page);
	if (!context) await login(page, account);
	return { page, live };
}

/**
 * Reloads `page` (each load opens a new live connection, and HAProxy hands those out in turn) until its
 * connection is on `node`.
 */
async function landOn(page: Page, live: LiveConnection, node: string, open: (p: Page) => Promise<void>) {
	for (let attempt = 0; attempt < 6 && live.node() !== node; attempt++) await open(page);
	expect(live.node(), 'the page’s live connection is on the wanted node').toBe(node);
}

function otherNode(name: string | null): string {
	return name === 'node1' ? 'node2' : 'node1';
}

describe.skipIf(!!missing)('two app nodes behind HAProxy', () => {
	beforeAll(async () => {
		pg = await createPostgresDatabase(PG_SERVER);
		db = await createDb({ url: pg.url, max: 2 });
		// The public address is the proxy's: known before the nodes start, they need it as ORIGIN.
		const proxyPort = await freePort();
		const origin = `http://127.0.0.1:${proxyPort}`;
		const env = {
			APP_SECRET: randomBytes(32).toString('hex'),
			ORIGIN: origin,
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1',
			COMMENT_RATE_PER_MINUTE: '1000'
		};
		for (const name of ['node1', 'node2']) mkdirSync(path.join(dir, name));
		for (const name of ['node1', 'node2']) nodeOptions.set(name, { dataDir: path.join(dir, name), databaseUrl: pg.url, env: { ...env, NODE_NAME: name } });
		const started = await Promise.all(['node1', 'node2'].map((name) => startServer(nodeOptions.get(name)!)));
		nodes.set('node1', started[0]).set('node2', started[1]);
		proxy = await startHaproxy([`127.0.0.1:${started[0].port}`, `127.0.0.1:${started[1].port}`], dir, proxyPort);
		browser = await connectBrowser();
	}, 180_000);

	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => {});
		await browser?.close();
		await proxy?.stop();
		for (const n of nodes.values()) await n.stop();
		if (process.env.E2E_SERVER_LOG) for (const [name, n] of nodes) console.log(`--- ${name}\n${n.output()}`);
		await db?.close();
		await pg?.drop();
	});

	it('HAProxy checks both nodes and sends requests to each in turn', async () => {
		const seen = new Set<string>();
		for (let i = 0; i < 6; i++) {
			const res = await fetch(`${proxy.url}/healthz`);
			expect(res.status).toBe(200);
			const body = (await res.json()) as { status: string; node?: string };
			expect(body.status).toBe('ok');
			expect(res.headers.get('x-regioportaal-node')).toBe(body.node);
			seen.add(body.node ?? '');
		}
		expect([...seen].sort()).toEqual(['node1', 'node2']);
	});

	let a: { page: Page; live: LiveConnection };
	let b: { page: Page; live: LiveConnection };

	it('two people on different nodes co-edit a description and comment, each seeing the other', async () => {
		a = await pageAs(email('verkenner'));
		b = await pageAs(email('klankbord.leiden'));
		// An item under discussion that Leiden takes part in: both may edit its description and comment.
		const overview = await (await a.page.request.get('/api/v1/items?status=in_bespreking&gemeente=leiden')).json();
		const item = overview.ambitions
			.flatMap((x: { items: { id: string; status: string }[] }) => x.items)
			.find((i: { status: string }) => i.status === 'in_bespreking');
		expect(item, `an item in bespreking with Leiden in the demo data: ${JSON.stringify(overview).slice(0, 600)}`).toBeTruthy();
		itemPath = `/agenda/${item.id}`;
		await openItem(a.page);
		await openItem(b.page);
		await landOn(b.page, b.live, otherNode(a.live.node()), openItem);
		console.log(`two-nodes: the verkenner's page is live on ${a.live.node()}, Leiden's member's on ${b.live.node()}`);
		expect(a.live.node()).not.toBe(b.live.node());

		// At the same time in two places of the demo text (its end, its start): each sentence stays whole. Two carets
		// at one point, with remote letters arriving between one's keystrokes, may interleave letters (both pages
		// still show the same text, which the test compares below).
		for (const [p, key] of [
			[a.page, 'Control+End'],
			[b.page, 'Control+Home']
		] as const) {
			await description(p).click();
			await p.keyboard.press(key);
		}
		await Promise.all([
			a.page.keyboard.type(' Anouk schrijft op de ene node.', { delay: 15 }),
			b.page.keyboard.type('Joost schrijft op de andere node. ', { delay: 15 })
		]);
		const both = ['Anouk schrijft op de ene node.', 'Joost schrijft op de andere node.'];
		await Promise.all([untilEditorShows(a.page, ...both), untilEditorShows(b.page, ...both)]);
		expect(await textOf(a.page)).toBe(await textOf(b.page));

		await postComment(a.page, EARLIER_COMMENTS[0]);
		await postComment(b.page, EARLIER_COMMENTS[1]);
		for (const p of [a.page, b.page]) {
			for (const body of EARLIER_COMMENTS) await comments(p).locator('article.comment').getByText(body).waitFor({ timeout: 10_000 });
		}
		expect((await shownCommentIds(a.page)).sort()).toEqual((await shownCommentIds(b.page)).sort());
	});

	it('a logout answered by one node closes the same login’s live connection on the other node within a second', async () => {
		// One login (one session cookie), two pages whose connections are on different nodes.
		const first = await pageAs(email('griffie.leiden'));
		const second = await pageAs(email('griffie.leiden'), first.page.context());
		await first.page.goto('/');
		await first.live.connected();
		await second.page.goto('/');
		await second.live.connected();
		const openHome = async (p: Page) => {
			await p.goto('/');
			await p.locator('.connection[data-state="connected"]').waitFor({ timeout: 20_000 });
		};
		await landOn(second.page, second.live, otherNode(first.live.node()), openHome);
		const answeredBy = first.live.node() as string;
		const elsewhere = second.live.current();
		expect(elsewhere?.node).toBe(otherNode(answeredBy));

		const cookie = (await first.page.context().cookies(proxy.url)).find((c) => c.name === 'rp_session');
		// Straight to the node of the first page (not through the proxy, which could pick either node).
		const sentAt = Date.now();
		const res = await fetch(`${nodes.get(answeredBy)!.url}/uitloggen`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: proxy.url, cookie: `rp_session=${cookie?.value}` }
		});
		expect(res.status).toBe(303);
		expect(res.headers.get('x-regioportaal-node')).toBe(answeredBy);
		// Waited for longer than the second it must take, so a slow close shows how slow it was. Closed: the node
		// says the login is over and ends the connection, or the page leaves for the login page on that message.
		await expect.poll(() => elsewhere?.endedAt !== undefined && elsewhere?.closedAt !== undefined, { timeout: 10_000, interval: 20 }).toBe(true);
		const tookMs = elsewhere!.closedAt! - sentAt;
		console.log(
			`two-nodes: logout on ${answeredBy}; the connection on ${elsewhere?.node} was told after ${elsewhere!.endedAt! - sentAt} ms and closed after ${tookMs} ms`
		);
		expect(tookMs).toBeLessThan(1_000);
		await second.page.waitForURL((u) => u.pathname === '/inloggen', { timeout: 5_000 });
	});

	it('a node killed while a page types and comments: the pages reconnect to the other node, nothing lost or doubled', async () => {
		const itemId = itemPath.split('/').at(-1) as string;
		const victim = a.live.node() as string;
		const survivor = otherNode(victim);
		// A second page of the verkenner comments while the first types, both on the node that will be killed.
		const commenter = await pageAs(email('verkenner'), a.page.context());
		await openItem(commenter.page);
		await landOn(commenter.page, commenter.live, victim, openItem);

		await description(a.page).click();
		await a.page.keyboard.press('Control+End');
		const acknowledged = ' Voor de storing opgeslagen.';
		await a.page.keyboard.type(acknowledged, { delay: 10 });
		// Acknowledged means stored: the node writes each change before it confirms it.
		await expect.poll(() => storedText(db.db, itemId), { timeout: 10_000 }).toContain(acknowledged.trim());

		const during = ' Tijdens de storing doorgetypt door Anouk, letter voor letter.';
		const bodies = Array.from({ length: 6 }, (_, i) => `Reactie ${i + 1} rond de storing`);
		let typingDone = false;
		let killedWhileTyping = false;
		const typing = a.page.keyboard.type(during, { delay: 40 }).then(() => (typingDone = true));
		const commenting = (async () => {
			for (const [i, body] of bodies.entries()) {
				// Two comments sent, four to come, the sentence half typed: the node goes down.
				if (i === 2) {
					killedWhileTyping = !typingDone;
					await nodes.get(victim)!.kill();
				}
				await postComment(commenter.page, body);
			}
		})();
		await Promise.all([typing, commenting]);
		expect(killedWhileTyping, 'the node was killed while the sentence was being typed').toBe(true);
		console.log(`two-nodes: ${victim} was killed (SIGKILL) mid-typing, after two of six comments`);

		// Both pages reconnect through the proxy, to the node that is left.
		await expect.poll(() => a.live.current()?.node, { timeout: 20_000 }).toBe(survivor);
		await expect.poll(() => commenter.live.current()?.node, { timeout: 20_000 }).toBe(survivor);
		const everything = [acknowledged.trim(), during.trim(), 'Anouk schrijft op de ene node.', 'Joost schrijft op de andere node.'];
		await Promise.all([untilEditorShows(a.page, ...everything), untilEditorShows(b.page, ...everything)]);
		await expect.poll(() => descriptionStatus(a.page), { timeout: 20_000 }).toBe('saved');
		const shown = await textOf(a.page);
		expect(await textOf(b.page)).toBe(shown);

		// The database: every comment once, the one the pages show; the text as the pages show it.
		for (const p of [commenter.page, b.page]) {
			await expect.poll(async () => (await comments(p).locator('article.comment').allInnerTexts()).join('\n'), { timeout: 20_000 }).toContain(bodies.at(-1));
			await expect.poll(() => comments(p).locator('p.pending').count(), { timeout: 20_000 }).toBe(0);
		}
		const rows = await db.db.select({ id: schema.comments.id, body: schema.comments.body }).from(schema.comments).where(eq(schema.comments.itemId, itemId));
		const ours = [...EARLIER_COMMENTS, ...bodies].map((body) => rows.filter((r) => r.body === body));
		expect(ours.map((r) => r.length)).toEqual(ours.map(() => 1));
		const ourIds = ours.map((r) => r[0].id);
		for (const p of [commenter.page, b.page]) {
			// A page on the surviving node may have missed the live event of a comment the killed node committed just
			// before it died; it catches up when the surviving node notices the loss (heartbeat timeout, 10 s).
			await expect.poll(async () => (await shownCommentIds(p)).filter((id) => ourIds.includes(id)).sort(), { timeout: 30_000 }).toEqual([...ourIds].sort());
			const onPage = await shownCommentIds(p);
			expect(new Set(onPage).size, 'no comment shown twice').toBe(onPage.length);
			expect(onPage.every((id) => rows.some((r) => r.id === id))).toBe(true);
		}
		await expect.poll(async () => letters(await storedText(db.db, itemId)), { timeout: 10_000 }).toBe(letters(shown));
	});

	it('a rolling restart: the killed node comes back, the other is drained in HAProxy and stopped, the pages move over', async () => {
		const back = otherNode(a.live.node());
		const leaving = a.live.node() as string;
		const restarted = await startServer({ ...nodeOptions.get(back)!, port: nodes.get(back)!.port });
		nodes.set(back, restarted);
		// In service again once its health checks pass (rise 2).
		await expect.poll(async () => (await fetch(`${proxy.url}/healthz`).then((r) => r.json())).node, { timeout: 20_000, interval: 250 }).toBe(back);

		// docs/deployment.md: drain in HAProxy, then SIGTERM (the node stores its open documents and closes).
		expect((await proxy.admin(`set server app/${leaving} state drain`)).trim()).toBe('');
		await nodes.get(leaving)!.stop();
		await expect.poll(() => a.live.current()?.node, { timeout: 20_000 }).toBe(back);
		await expect.poll(() => b.live.current()?.node, { timeout: 20_000 }).toBe(back);

		await description(b.page).click();
		await b.page.keyboard.press('Control+End');
		await b.page.keyboard.type(' Na de herstart door Joost.', { delay: 10 });
		await untilEditorShows(a.page, 'Na de herstart door Joost.', 'Tijdens de storing doorgetypt door Anouk');
		const shown = await textOf(b.page);
		expect(await textOf(a.page)).toBe(shown);
		const itemId = itemPath.split('/').at(-1) as string;
		await expect.poll(async () => letters(await storedText(db.db, itemId)), { timeout: 10_000 }).toBe(letters(shown));
	});
});

describe('the embedded database is for one node', () => {
	it('a second server.js on the same DATA_DIR refuses to start, saying so in Dutch (exit 1)', async () => {
		const dataDir = path.join(dir, 'embedded');
		const first = await startServer({ dataDir });
		try {
			const port = await freePort();
			const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir };
			for (const k of ['DATABASE_URL', 'ORIGIN', 'VITEST', 'TEST']) delete env[k];
			const second = spawn(process.execPath, ['server.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
			let stderr = '';
			second.stderr.on('data', (d) => (stderr += d));
			const code = await new Promise<number | null>((resolve) => second.once('exit', (c) => resolve(c)));
			expect(code).toBe(1);
			expect(stderr).toMatch(new RegExp(`^De ingebedde database in ${dataDir}\\S* is al in gebruik`));
			expect(stderr).toContain('De ingebedde database is voor één app-node');
			// The first server is untouched.
			expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
		} finally {
			await first.stop();
		}
	}, 120_000);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));
