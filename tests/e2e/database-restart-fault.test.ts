/**
 * Fault proof: ten restarts of PostgreSQL (alternately `pg_ctl restart -m fast` and `-m immediate`) while
 * six socket clients post comments without pause. The production server (`node server.js`) runs on a private
 * PostgreSQL cluster of this test (never the shared server). Each client behaves like the page: a comment
 * keeps its client-generated id and is sent again, with the same id, after a passing refusal
 * (`error_server`, `error_database_unavailable`) or no answer, until it is stored.
 * Afterwards the process is still the one that started, every comment a client sent is stored exactly once,
 * and every client has seen each of them once; a co-editor typing meanwhile ends with the other editor
 * showing every word. /healthz is polled throughout: it says 503 while the database
 * is down and answers within its own time limit.
 * First, in Chromium: a comment posted while the database is stopped shows "Wordt opnieuw verstuurd" and is
 * stored once the database is back, while the page stays connected.
 * Skipped (with a message) when the PostgreSQL server programs are not installed.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { pageSocket, typeInto } from '../integration/collab/helpers';
import { syncedEditor } from './support/editor';
import { createDb } from '../../src/lib/server/db';
import { email } from './support/accounts';
import { login, loginOverHttp } from './support/auth';
import { connectBrowser } from './support/browser';
import { freePort, startServer, type RunningServer } from './support/server';
import { createPostgresDatabase, type PostgresDatabase } from './support/postgres';
import { postgresBin, startPrivateCluster, type PrivateCluster } from './support/private-postgres';
import { catchUpComments } from './support/comment-catch-up';

const bin = postgresBin();
if (!bin) console.warn('database-restart-fault: skipped, the PostgreSQL server programs (initdb, pg_ctl) are not installed');

const RESTARTS = 10;
const CLIENTS = 6;
const BETWEEN_RESTARTS_MS = 2_500;

type Ack = { ok: boolean; code?: string; data?: any };

/** Counts of what the clients were answered, for the log line. */
const answers = new Map<string, number>();
const note = (code: string) => answers.set(code, (answers.get(code) ?? 0) + 1);

class Client {
	socket: Socket;
	/** Every comment this client sent at least once: id → body. */
	sent = new Map<string, string>();
	/** What the client shows: comment id → how often it was added to the list (must end at 1). */
	shown = new Map<string, number>();
	seqs = new Map<string, number>();
	cursor = 0;
	/** The comment being sent (again) until it is stored. */
	current: { id: string; body: string } | null = null;
	producing = true;
	/** What happened to the connection and the last answer, for the message when a client does not finish. */
	events: string[] = [];
	private n = 0;

	constructor(
		url: string,
		cookie: string,
		readonly itemId: string,
		readonly name: string
	) {
		this.socket = pageSocket(url, cookie);
		this.socket.on('comment:changed', (e: { comment: { id: string; seq: number } }) => this.merge(e.comment));
		this.socket.on('connect', () => (this.log('connect'), void this.sync()));
		this.socket.on('disconnect', (reason) => this.log(`disconnect: ${reason}`));
		this.socket.on('connect_error', (e) => this.log(`connect_error: ${e.message}`));
	}

	log(what: string) {
		this.events.push(`${new Date().toISOString().slice(11, 23)} ${what}`);
		if (this.events.length > 12) this.events.shift();
	}

	/** One line on where this client is: still sending? connected? the last things that happened. */
	state(): string {
		return `${this.name}: ${this.current ? 'still sending' : 'done'}, ${this.socket.connected ? 'connected' : 'not connected'}; ${this.events.join(' | ')}`;
	}

	merge(c: { id: string; seq: number }) {
		const known = this.seqs.get(c.id);
		if (known === undefined) this.shown.set(c.id, (this.shown.get(c.id) ?? 0) + 1);
		if (known === undefined || known < c.seq) this.seqs.set(c.id, c.seq);
	}

	/** As the page: subscribe and catch up from the cursor of the last complete catch-up, after every connect. */
	async sync(): Promise<void> {
		try {
			const since = await catchUpComments(this.socket, this.itemId, this.cursor);
			for (const c of since.comments) this.merge(c);
			this.cursor = Math.max(this.cursor, since.seq);
		} catch {
			if (this.socket.connected) setTimeout(() => void this.sync(), 500);
		}
	}

	/** Posts comments one after another; each is sent again with its id until stored. */
	async run(): Promise<void> {
		while (this.producing || this.current) {
			if (!this.current) {
				if (!this.producing) break;
				this.current = { id: randomUUID(), body: `${this.name}, reactie ${++this.n}` };
				this.sent.set(this.current.id, this.current.body);
			}
			if (!this.socket.connected) {
				await pause(100);
				continue;
			}
			let res: Ack | null = null;
			try {
				res = (await this.socket.timeout(4_000).emitWithAck('comment:post', { id: this.current.id, itemId: this.itemId, body: this.current.body })) as Ack;
			} catch {
				note('no answer');
				this.log('no answer');
			}
			if (res?.ok) {
				note('stored');
				this.merge(res.data);
				this.current = null;
				await pause(20);
			} else if (res) {
				note(res.code as string);
				this.log(`refused: ${res.code}`);
				if (res.code !== 'error_server' && res.code !== 'error_database_unavailable') throw new Error(`refused for good: ${res.code}`);
				await pause(200);
			}
		}
	}
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The JSON of a GET, asked again while it answers 503 (the database just came back). */
async function untilAnswered(address: string, cookie: string): Promise<any> {
	for (let i = 0; ; i++) {
		const res = await fetch(address, { headers: { cookie } });
		if (res.status !== 503 || i >= 50) {
			expect(res.status, await res.clone().text()).toBe(200);
			return res.json();
		}
		await pause(200);
	}
}

/** Polls /healthz: how long it said 503, and whether it ever failed to answer within 3 s. */
function watchHealth(url: string) {
	let down = 0;
	let downSince: number | null = null;
	let longestDown = 0;
	let unanswered = 0;
	let running = true;
	const done = (async () => {
		while (running) {
			const t = Date.now();
			const status = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(3_000) }).then(
				(r) => r.status,
				() => 0
			);
			if (status === 0) unanswered++;
			if (status !== 200 && downSince === null) downSince = t;
			if (status === 200 && downSince !== null) {
				longestDown = Math.max(longestDown, t - downSince);
				down += t - downSince;
				downSince = null;
			}
			await pause(200);
		}
	})();
	return {
		stop: async () => {
			running = false;
			await done;
			return { down, longestDown, unanswered };
		},
		downNow: () => downSince !== null
	};
}

let cluster: PrivateCluster;
let url = '';
let itemId = '';
let accounts: string[] = [];
let cookies: string[] = [];
let database: PostgresDatabase | null = null;
let server: RunningServer | null = null;
const dataDir = mkdtempSync(path.join(tmpdir(), 'rp-e2e-db-restart-'));

afterAll(async () => {
	await server?.stop();
	await database?.drop().catch(() => {});
	cluster?.destroy();
	rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!bin)('PostgreSQL restarts under load', () => {
	beforeAll(async () => {
		cluster = startPrivateCluster(bin as string, await freePort());
		// Migrated, with the demo accounts and agenda (the server loads demo data into PGlite only).
		const db = (database = await createPostgresDatabase(cluster.url));
		server = await startServer({ dataDir, databaseUrl: db.url, env: { COMMENT_RATE_PER_MINUTE: '100000' } });
		url = server.url;

		accounts = ['verkenner', 'klankbord.leiden', 'griffie.leiden', 'klankbord.oegstgeest', 'griffie.voorschoten', 'klankbord.zoeterwoude'];
		cookies = await Promise.all(accounts.map((a) => loginOverHttp(email(a), undefined, url).then((r) => r.cookie)));
		const list = await fetch(`${url}/api/v1/items`, { headers: { cookie: cookies[0] } }).then((r) => r.text());
		itemId = list.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/)?.[0] as string;
		if (!itemId) throw new Error('no agenda item');
	}, 120_000);

	// A page test that fails shows what the server said meanwhile (a refused query names its driver error).
	const showServerOnFailure = () => onTestFailed(() => console.log(`--- server output (last part) ---\n${server?.output().slice(-4_000)}`));

	it('the page: a comment posted while the database is down shows "Wordt opnieuw verstuurd" and is stored once it is back, without a reconnect', async () => {
		showServerOnFailure();
		const browser = await connectBrowser();
		try {
			const context = await browser.newContext({ baseURL: url, locale: 'nl-NL' });
			const page = await context.newPage();
			await login(page, email('klankbord.leiden'));
			await page.goto(`/agenda/${itemId}`);
			const comments = page.getByRole('region', { name: /^Reacties/ });
			await comments.waitFor({ state: 'visible', timeout: 20_000 });
			await page.locator('.connection[data-state="connected"]').waitFor({ timeout: 20_000 });

			// Every change of the connection indicator from here on (none: the socket stays up throughout).
			await page.evaluate(() => {
				const el = document.querySelector('.connection') as HTMLElement;
				const seen: string[] = ((window as unknown as { states: string[] }).states = []);
				new MutationObserver(() => seen.push(el.dataset.state ?? '')).observe(el, { attributes: true, attributeFilter: ['data-state'] });
			});
			await cluster.stop();
			const body = 'Geplaatst terwijl de database herstart';
			await comments.getByLabel('Nieuwe reactie').fill(body);
			await comments.getByRole('button', { name: 'Plaatsen' }).click();
			const pending = comments.locator('.pending', { hasText: body });
			await expect.poll(() => pending.textContent(), { timeout: 20_000 }).toContain('Wordt opnieuw verstuurd');
			await cluster.start();

			await expect.poll(() => pending.count(), { timeout: 45_000 }).toBe(0);
			await expect.poll(() => comments.locator('article.comment', { hasText: body }).count()).toBeGreaterThan(0);
			const check = await createDb({ url: (database as PostgresDatabase).url, max: 1 });
			const rows = (await check.db.execute(sql`select id from comments where body = ${body}`)) as unknown as unknown[];
			await check.close();
			expect(rows).toHaveLength(1);
			expect(await page.evaluate(() => (window as unknown as { states: string[] }).states)).toEqual([]);
			await context.close();
		} finally {
			await browser.close();
		}
	}, 120_000);

	it('the page: a connection lost while the database is down is made again once the database is back, on the same page', async () => {
		showServerOnFailure();
		const browser = await connectBrowser();
		try {
			const context = await browser.newContext({ baseURL: url, locale: 'nl-NL' });
			const page = await context.newPage();
			await login(page, email('klankbord.oegstgeest'));
			await page.goto(`/agenda/${itemId}`);
			await page.locator('.connection[data-state="connected"]').waitFor({ timeout: 20_000 });
			await cluster.stop();
			await context.setOffline(true);
			await page.locator('.connection[data-state="offline"]').waitFor({ timeout: 15_000 });
			await context.setOffline(false);
			// Its reconnects are refused while the login cannot be checked; none of that ends the login.
			await pause(4_000);
			expect(await page.locator('.connection').getAttribute('data-state')).toBe('reconnecting');
			await cluster.start();
			await page.locator('.connection[data-state="connected"]').waitFor({ timeout: 30_000 });
			expect(new URL(page.url()).pathname).toBe(`/agenda/${itemId}`);
			await context.close();
		} finally {
			await browser.close();
		}
	}, 120_000);

	it(`${RESTARTS} restarts (fast and immediate) while ${CLIENTS} clients post comments: the server stays up, every comment stored once and seen once by every client`, async () => {
		const app = server as RunningServer;
		const clients = Array.from({ length: CLIENTS }, (_, i) => new Client(url, cookies[i % cookies.length], itemId, accounts[i]));
		// Co-editing load: the verkenner types a word every 100 ms into an item under discussion; Leiden's
		// klankbordgroep member has it open too.
		const overview = await untilAnswered(`${url}/api/v1/items?status=in_bespreking&gemeente=leiden`, cookies[0]);
		const editedId = overview.ambitions.flatMap((a: { items: { id: string }[] }) => a.items)[0]?.id as string;
		expect(editedId).toBeTruthy();
		const writer = await syncedEditor(url, cookies[0], editedId);
		const reader = await syncedEditor(url, cookies[1], editedId);
		let words = 0;
		const typing = setInterval(() => typeInto(writer.doc, 'description', ` woord${++words}`), 100);
		await pause(1_000);
		const running = clients.map((c) => c.run());
		const health = watchHealth(url);
		let sawDown = 0;

		for (let i = 0; i < RESTARTS; i++) {
			await pause(BETWEEN_RESTARTS_MS);
			const mode = i % 2 === 0 ? 'fast' : 'immediate';
			await cluster.restart(mode);
			if (health.downNow()) sawDown++;
			expect(app.alive(), `server.js ended during restart ${i + 1} (${mode})\n${app.output().slice(-3_000)}`).toBe(true);
		}
		await pause(BETWEEN_RESTARTS_MS);
		clearInterval(typing);
		for (const c of clients) c.producing = false;
		const drained = await Promise.race([Promise.all(running).then(() => true), pause(60_000).then(() => false)]);
		const healthFigures = await health.stop();
		// Live events of the last comments may still be on their way.
		const sentIds = new Set(clients.flatMap((c) => [...c.sent.keys()]));
		const deadline = Date.now() + 10_000;
		while (Date.now() < deadline && !clients.every((c) => [...sentIds].every((id) => c.shown.has(id)))) await pause(100);

		const typed = writer.text();
		const coeditDeadline = Date.now() + 15_000;
		while (Date.now() < coeditDeadline && reader.text() !== typed) await pause(100);
		const readerCaughtUp = reader.text() === typed;
		writer.close();
		reader.close();

		const check = await createDb({ url: (database as PostgresDatabase).url, max: 1 });
		const rows = (await check.db.execute(sql`select id::text as id, body from comments where item_id = ${itemId} and body like '%, reactie %'`)) as unknown as {
			id: string;
			body: string;
		}[];
		await check.close();
		const stored = new Map<string, number>();
		for (const r of rows) stored.set(r.id, (stored.get(r.id) ?? 0) + 1);
		const contained = app
			.output()
			.split('\n')
			.filter((l) => l.includes('known driver fault, contained')).length;

		console.log(
			`database-restart-fault: ${RESTARTS} restarts, ${sentIds.size} comments sent, ${rows.length} stored; answers ${JSON.stringify(Object.fromEntries(answers))}; ` +
				`/healthz 503 for ${healthFigures.down} ms in all (longest ${healthFigures.longestDown} ms, unanswered ${healthFigures.unanswered}), down right after ${sawDown} of ${RESTARTS} restarts; driver fault contained ${contained}×; ${words} words typed by a co-editor, the other editor shows them all: ${readerCaughtUp}`
		);
		expect(app.alive(), app.output().slice(-3_000)).toBe(true);
		expect(drained, `every client got its last comment stored\n${clients.map((c) => c.state()).join('\n')}`).toBe(true);
		expect(sentIds.size).toBeGreaterThan(RESTARTS * CLIENTS);
		// Stored exactly once: no comment missing, none doubled, nothing stored that no client sent.
		expect(rows.length).toBe(sentIds.size);
		expect([...sentIds].filter((id) => stored.get(id) !== 1)).toEqual([]);
		// Seen once by every client.
		for (const c of clients) {
			expect(
				[...sentIds].filter((id) => c.shown.get(id) !== 1),
				`${c.name} shows each comment once`
			).toEqual([]);
		}
		// The co-editors end on the same text, with every word typed.
		expect(readerCaughtUp).toBe(true);
		expect(typed).toContain(`woord${words}`);
		// The health check said so while the database was down, and never hung.
		expect(healthFigures.down).toBeGreaterThan(0);
		expect(healthFigures.unanswered).toBe(0);
		expect((await fetch(`${url}/healthz`)).status).toBe(200);
		for (const c of clients) c.socket.close();
	}, 240_000);
});
