/**
 * Fault proof: 20 clients post 50 comments each while the server process is killed (SIGKILL) and
 * started again mid-run, on the same port and data. Each client behaves like the page: an outbox of
 * comments with client-generated ids, resent after every reconnect until acknowledged, and a catch-up
 * (`comments:since`) after every (re)connect. Afterwards the database holds exactly 1,000 comments and
 * every client holds every one of them exactly once.
 * Runs its own production server (`node server.js`, own DATA_DIR and port).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { pageSocket } from '../integration/collab/helpers';
import { email } from './support/accounts';
import { loginOverHttp } from './support/auth';
import { freePort } from './support/server';
import { killableServer } from './support/killable-server';
import { catchUpComments } from './support/comment-catch-up';

const dataDir = mkdtempSync(path.join(tmpdir(), 'rp-e2e-comments-fault-'));
const CLIENTS = 20;
const PER_CLIENT = 50;
const server = killableServer(dataDir, { COMMENT_RATE_PER_MINUTE: '100000' });
const { start, kill } = server;

afterAll(async () => {
	await kill();
	rmSync(dataDir, { recursive: true, force: true });
});

type Ack = { ok: boolean; code?: string; data?: any };

class Client {
	socket: Socket;
	outbox: { id: string; body: string }[];
	/** What the client shows: one entry per comment id, the latest seq. */
	store = new Map<string, number>();
	/** Catch-up cursor: the seq of the last complete `comments:since` answer (as the page does). */
	cursor = 0;
	acked = 0;
	private pumping = false;

	constructor(
		url: string,
		cookie: string,
		readonly itemId: string,
		readonly n: number
	) {
		this.outbox = Array.from({ length: PER_CLIENT }, (_, i) => ({ id: randomUUID(), body: `Client ${n}, reactie ${i + 1}` }));
		this.socket = pageSocket(url, cookie);
		this.socket.on('comment:changed', (e: { comment: { id: string; seq: number } }) => this.merge(e.comment));
		this.socket.on('connect', () => void this.sync());
	}

	merge(c: { id: string; seq: number }) {
		if ((this.store.get(c.id) ?? -1) < c.seq) this.store.set(c.id, c.seq);
	}

	async sync() {
		try {
			const since = await catchUpComments(this.socket, this.itemId, this.cursor);
			for (const c of since.comments) this.merge(c);
			this.cursor = Math.max(this.cursor, since.seq);
		} catch {
			// not answered (the server is still starting): try again while connected
			if (this.socket.connected) setTimeout(() => void this.sync(), 1_000);
			return;
		}
		void this.pump();
	}

	async pump() {
		if (this.pumping) return;
		this.pumping = true;
		try {
			while (this.outbox.length && this.socket.connected) {
				const next = this.outbox[0];
				let res: Ack;
				try {
					res = (await this.socket.timeout(3_000).emitWithAck('comment:post', { id: next.id, itemId: this.itemId, body: next.body })) as Ack;
				} catch {
					continue; // no answer: send the same id again (the server never doubles it)
				}
				if (res.ok) {
					this.merge(res.data);
					this.outbox.shift();
					this.acked++;
				} else if (res.code === 'error_server') await new Promise((r) => setTimeout(r, 100));
				else throw new Error(`refused: ${res.code}`);
			}
		} finally {
			this.pumping = false;
		}
	}
}

describe('comments survive a server crash', () => {
	it(`${CLIENTS} clients × ${PER_CLIENT} comments with a SIGKILL and restart mid-run: exactly ${CLIENTS * PER_CLIENT} stored, each seen once by every client`, async () => {
		const port = await freePort();
		const url = `http://127.0.0.1:${port}`;
		await start(port);
		const accounts = ['verkenner', ...['leiden', 'leiderdorp', 'oegstgeest', 'voorschoten', 'zoeterwoude'].flatMap((m) => [`klankbord.${m}`, `griffie.${m}`])];
		const cookies = await Promise.all(accounts.map((a) => loginOverHttp(email(a), undefined, url).then((r) => r.cookie)));
		const list = await fetch(`${url}/api/v1/items`, { headers: { cookie: cookies[0] } }).then((r) => r.text());
		const itemId = list.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/)?.[0];
		expect(itemId).toBeTruthy();

		const clients = Array.from({ length: CLIENTS }, (_, i) => new Client(url, cookies[i % cookies.length], itemId as string, i));
		const total = () => clients.reduce((s, c) => s + c.acked, 0);
		// Kill the server once about a quarter of the comments are acknowledged.
		const killAt = Date.now() + 60_000;
		while (total() < (CLIENTS * PER_CLIENT) / 4 && Date.now() < killAt) await new Promise((r) => setTimeout(r, 20));
		const ackedBeforeKill = total();
		await kill();
		await start(port);

		const deadline = Date.now() + 240_000;
		const done = () => clients.every((c) => c.outbox.length === 0 && c.store.size >= CLIENTS * PER_CLIENT);
		while (!done() && Date.now() < deadline) {
			for (const c of clients) if (c.socket.connected && c.outbox.length) void c.pump();
			await new Promise((r) => setTimeout(r, 200));
		}
		for (const c of clients) c.socket.close();

		const stored = (await fetch(`${url}/api/v1/items/${itemId}/comments`, { headers: { cookie: cookies[0] } }).then((r) => r.json())) as {
			comments: { id: string; body: string }[];
		};
		const ids = new Set(stored.comments.map((c) => c.id));
		console.log(`comments fault test: ${ackedBeforeKill} acknowledged before SIGKILL, ${stored.comments.length} stored after restart`);
		expect(ackedBeforeKill).toBeGreaterThan(0);
		expect(ackedBeforeKill).toBeLessThan(CLIENTS * PER_CLIENT);
		expect(stored.comments.length).toBe(CLIENTS * PER_CLIENT);
		expect(ids.size).toBe(CLIENTS * PER_CLIENT);
		expect(new Set(stored.comments.map((c) => c.body)).size).toBe(CLIENTS * PER_CLIENT);
		for (const c of clients) {
			expect(c.store.size).toBe(CLIENTS * PER_CLIENT);
			expect([...c.store.keys()].every((id) => ids.has(id))).toBe(true);
		}
	}, 420_000);
});
