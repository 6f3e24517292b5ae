// The portal as `npm start` runs it, for a benchmark: the production build (`node server.js`), on a fresh
// embedded database in a temporary directory or (postgres) a fresh database on DATABASE_URL, with the demo
// data. The bench then signs in as demo users over HTTP, like a browser, and picks a demo agenda item.
import { fork, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { buildIfNeeded } from '../../scripts/build-if-needed.js';
import { pgliteDirectory } from './bench-database.js';
import { freePort } from './free-port.js';
import { serverEnv, serverNodeFlags } from '../../scripts/server-flags.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEMO_PASSWORD = 'Leidseregio-2027!';
const EDITORS = ['verkenner', ...['leiden', 'leiderdorp', 'oegstgeest', 'voorschoten', 'zoeterwoude'].map((m) => `klankbord.${m}`)];

/**
 * Starts the server; resolves with { child, url, cookies (one per demo editor), itemId, stop() }.
 * `execArgv` goes to the server process (profiling); it answers the bench's loop-delay questions over IPC.
 * `nodes` > 1 (PostgreSQL only): that many server processes on the one database, as app nodes behind a proxy
 * would run (same APP_SECRET; the PostgreSQL adapter links them); then `children` and `urls` list them all
 * and `child`/`url` are the first. The sessions are in the database, so every cookie works on every node.
 */
export async function startPortalServer({ usePostgres, execArgv = [], nodes = 1 }) {
	if (nodes > 1 && !usePostgres) throw new Error('several nodes need PostgreSQL');
	buildIfNeeded();
	const database = usePostgres ? await freshPostgres() : freshPglite();
	const secret = randomBytes(32).toString('hex');
	const started = [];
	const stop = async () => {
		await Promise.all(started.map((s) => s.stop()));
		await database.drop();
	};
	try {
		// One after another: the first migrates (nothing to do) and the others find it done.
		for (let n = 1; n <= nodes; n++) started.push(await startNode({ env: { ...database.env, APP_SECRET: secret, NODE_NAME: `node${n}` }, execArgv }));
		const [first] = started;
		const cookies = [];
		for (const who of EDITORS) cookies.push(await signIn(first.url, `${who}@demo.regioportaal.nl`));
		/** Stops every node and starts one again on the same database (a server's restart); resolves with { child, url }. */
		const restart = async () => {
			await Promise.all(started.splice(0).map((s) => s.stop()));
			started.push(await startNode({ env: { ...database.env, APP_SECRET: secret, NODE_NAME: 'node1' }, execArgv }));
			return { child: started[0].child, url: started[0].url };
		};
		return {
			child: first.child,
			url: first.url,
			children: started.map((s) => s.child),
			urls: started.map((s) => s.url),
			cookies,
			itemId: await editableItem(first.url, cookies[0]),
			stop,
			restart
		};
	} catch (err) {
		await stop();
		throw err;
	}
}

/** One `node server.js` on a free port; resolves once it is healthy, with { child, url, stop() }. */
async function startNode({ env, execArgv }) {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = fork(path.join(root, 'server.js'), [], {
		cwd: root,
		env: { ...serverEnv, ...process.env, ...env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', ORIGIN: url },
		// As `npm start` runs it.
		execArgv: [...serverNodeFlags, ...execArgv, '--import', new URL('./loop-delay-preload.js', import.meta.url).href],
		stdio: ['ignore', 'ignore', 'inherit', 'ipc']
	});
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const stop = async () => {
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
		await exited;
		clearTimeout(timer);
	};
	try {
		await healthy(url, child);
	} catch (err) {
		await stop();
		throw err;
	}
	return { child, url, stop };
}

function freshPglite() {
	const dir = pgliteDirectory();
	return { env: { DATA_DIR: dir, DATABASE_URL: '', DEMO_DATA: 'on' }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A new database on DATABASE_URL, migrated and with the demo data (`npm run db:seed -- --demo`). */
async function freshPostgres() {
	const base = process.env.DATABASE_URL;
	if (!base) throw new Error('--postgres needs DATABASE_URL');
	const name = `rp_bench_${Date.now()}`;
	const admin = postgres(base, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const u = new URL(base);
	u.pathname = `/${name}`;
	const env = { DATABASE_URL: u.toString() };
	const seeded = spawnSync('npx', ['tsx', 'scripts/seed.ts', '--demo'], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
	if (seeded.status !== 0) throw new Error(`seeding ${name} failed:\n${seeded.stdout}${seeded.stderr}`);
	return {
		env,
		drop: async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}

async function healthy(url, child) {
	const end = Date.now() + 120_000;
	while (Date.now() < end) {
		if (child.exitCode !== null) throw new Error(`the portal stopped (exit ${child.exitCode}) before it was healthy`);
		const ok = await fetch(`${url}/healthz`).then(
			(r) => r.ok,
			() => false
		);
		if (ok) return;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error('the portal was not healthy within 120 s');
}

/** Signs in through the login form, as a browser does; returns the session cookie ("name=value"). */
async function signIn(url, email) {
	const res = await fetch(`${url}/inloggen`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password: DEMO_PASSWORD, naar: '/' })
	});
	const cookie = res.headers.getSetCookie().find((c) => /session/i.test(c.split('=')[0]));
	if (res.status !== 303 || !cookie) throw new Error(`signing in as ${email} failed (${res.status}): ${(await res.text()).slice(0, 400)}`);
	return cookie.split(';')[0];
}

/** The first demo item still open for co-editing (concept or in bespreking). */
async function editableItem(url, cookie) {
	const res = await fetch(`${url}/api/v1/items`, { headers: { cookie } });
	if (!res.ok) throw new Error(`GET /api/v1/items: ${res.status}`);
	const { ambitions } = await res.json();
	const item = ambitions.flatMap((a) => a.items).find((i) => i.status === 'concept' || i.status === 'in_bespreking');
	if (!item) throw new Error('no demo item open for editing');
	return item.id;
}
