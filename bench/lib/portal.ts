// What the page benches share: a filled embedded database served by the production server, the items they fill
// it with, logging in over HTTP and timed GETs.
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createDb } from '../../src/lib/server/db';
import { seedIfEmpty } from '../../src/lib/server/seed';
import { buildIfNeeded } from '../../scripts/build-if-needed.js';
import { serverEnv, serverNodeFlags } from '../../scripts/server-flags.js';
import { freePort, waitForHealthy } from './measure';
import { createItem, updateItemFields } from '../../src/lib/server/modules/agenda-items';
import type { Actor } from '../../src/lib/server/permissions';

export type BenchDb = Awaited<ReturnType<typeof createDb>>['db'];
export const benchOrigin = { ip: null, userAgent: 'bench' };
export const municipalities = ['leiden', 'leiderdorp', 'oegstgeest', 'voorschoten', 'zoeterwoude'];

/** Item `i` of a bench: a concept under one of the seven ambitions, with the five municipalities taking part. */
export async function createBenchItem(db: BenchDb, actor: Actor, i: number): Promise<string> {
	const { id } = await createItem(
		db,
		actor,
		{
			ambitionId: (i % 7) + 1,
			title: `Activiteit ${i + 1}`,
			summary: 'Bench',
			horizon: i % 2 ? 'voor_verkiezingen' : 'na_verkiezingen',
			trekkerId: municipalities[i % 5]
		},
		benchOrigin
	);
	await updateItemFields(
		db,
		actor,
		{ itemId: id, revision: 1, participants: municipalities.map((municipalityId) => ({ municipalityId })), tags: ['bench'] },
		benchOrigin
	);
	return id;
}

/** Logs in through the login form's POST and gives the session cookie (`rp_session=…`). */
export async function loginCookie(base: string, email: string, password: string): Promise<string> {
	const body = new URLSearchParams({ email, password });
	const res = await fetch(`${base}/inloggen`, { method: 'POST', body, redirect: 'manual', headers: { origin: base } });
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('rp_session='));
	if (!cookie) throw new Error(`login failed: ${res.status}`);
	return cookie.split(';')[0];
}

/** One GET over `agent`; resolves with the status once the whole body is read. */
function get(url: string, headers: Record<string, string>, agent: Agent): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = request(url, { headers, agent }, (res) => {
			res.on('data', () => {});
			res.on('end', () => resolve(res.statusCode ?? 0));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end();
	});
}

/**
 * `requests` GETs of `url`, `concurrency` at a time; the time of each in ms (the body read whole). Anything but 200
 * stops the bench. Each call has its own connections (kept alive within it): a connection left idle by an earlier
 * round may have been closed by the server's keep-alive timeout, and reusing it would fail with ECONNRESET.
 * `url` is one address, or the address of the n-th request (a different question each time, say).
 */
export async function timedGets(
	url: string | ((n: number) => string),
	headers: Record<string, string>,
	requests: number,
	concurrency: number
): Promise<number[]> {
	const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
	const times: number[] = [];
	let next = 0;
	const worker = async () => {
		while (next < requests) {
			const address = typeof url === 'string' ? url : url(next);
			next++;
			const start = performance.now();
			const status = await get(address, headers, agent);
			if (status !== 200) throw new Error(`GET ${address}: ${status}`);
			times.push(performance.now() - start);
		}
	};
	try {
		await Promise.all(Array.from({ length: concurrency }, worker));
	} finally {
		agent.destroy();
	}
	return times;
}

/**
 * `--postgres URL` (a server, e.g. postgres://postgres@127.0.0.1:5432/postgres): the bench runs on a new database
 * there instead of the embedded one; null without the option.
 */
function postgresServer(): string | null {
	const at = process.argv.indexOf('--postgres');
	return at > 0 ? (process.argv[at + 1] ?? null) : null;
}

/** A new database on the server for one run, and the way to drop it after. */
export async function benchDatabase(server: string, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
	const admin = await createDb({ url: server, max: 1 });
	const database = `rp_bench_${name.replace(/\W/g, '_')}_${Date.now()}`;
	await admin.db.execute(sql.raw(`create database ${database}`));
	const url = new URL(server);
	url.pathname = `/${database}`;
	return {
		url: url.toString(),
		drop: async () => {
			await admin.db.execute(sql.raw(`drop database if exists ${database} with (force)`));
			await admin.close();
		}
	};
}

/**
 * A new embedded database (or, with `--postgres URL`, a new database on that server) with the demo accounts,
 * filled by `fill`, then served by the production server (built first when stale) on a free port; `measure` gets
 * its address and which database it runs on. The server is stopped and the folder and database deleted after.
 */
export async function withFilledPortal(
	name: string,
	fill: (db: BenchDb) => Promise<void>,
	measure: (base: string, database: 'PGlite' | 'PostgreSQL', serverPid: number) => Promise<void>
): Promise<void> {
	buildIfNeeded();
	const dataDir = mkdtempSync(path.join(tmpdir(), `rp-bench-${name}-`));
	const server = postgresServer();
	const pg = server ? await benchDatabase(server, name) : null;
	const handle = await createDb(pg ? { url: pg.url } : { dataDir: path.join(dataDir, 'pglite') });
	await handle.migrate();
	await seedIfEmpty(handle.db, { demo: true });
	await fill(handle.db);
	await handle.close();
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, [...serverNodeFlags, 'server.js'], {
		env: { ...serverEnv, ...process.env, NODE_ENV: 'production', PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: pg?.url ?? '' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	// The server's last words, shown when the measuring fails (a crash, a refusal).
	let output = '';
	const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4000));
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	try {
		await waitForHealthy(base, 60_000);
		await measure(base, pg ? 'PostgreSQL' : 'PGlite', child.pid!);
	} catch (err) {
		console.error(`--- server output (exit ${child.exitCode ?? child.signalCode ?? 'still running'}) ---\n${output}`);
		throw err;
	} finally {
		child.kill('SIGTERM');
		await new Promise((r) => child.on('exit', r));
		rmSync(dataDir, { recursive: true, force: true });
		await pg?.drop();
	}
}
