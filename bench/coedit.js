#!/usr/bin/env node
// bench/coedit: N simulated editors (Node, Yjs) typing into one agenda item's description, first through the
// portal as `npm start` runs it (the production build, server.js, the demo data; the editors sign in as demo
// users and use the portal's own client provider), then the same load against a Hocuspocus 3.4 server. Prints convergence and update propagation latency p50/p95/p99, and the ratio.
//
//   node bench/coedit.js [--seconds 60] [--editors 20] [--rate 5] [--rounds 1] [--threads 1] [--only portal|hocuspocus|socketio]
//                        [--postgres] [--floor] [--nodes 2] [--memory]
//
// Each server runs in its own child process, so the editors (worker threads of this process) never share an
// event loop with it. --threads: how many threads the editors are spread over (1 = all in one, as a single
// browser tab would never be; see bench/lib/coedit-editors.js).
// --postgres: the portal stores on a fresh database on DATABASE_URL (dropped afterwards) instead of PGlite
// in a temporary directory. The build is made first when it is missing or stale. --floor: a third server, a bare
// socket.io relay of the same protocol (no sign-in, checks or storage), shows what the transport alone costs.
// --nodes 2: the portal on one node, then on two app nodes (two server.js on one fresh PostgreSQL database, the
// editors split over them), in the same run; implies --postgres, no Hocuspocus. --memory: the portal's resident
// memory (VmRSS) idle before the load and idle again 15 s after it (e.g. `--only portal --seconds 3600 --memory`).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { pgliteDirectory } from './lib/bench-database.js';
import { startPortalServer } from './lib/portal-server.js';
import { residentOf } from './lib/resident.js';
import { buildIfNeeded } from '../scripts/build-if-needed.js';
import { useBrowserBuilds } from './lib/browser-builds.js';
import { connectorFor, textOf, until } from './lib/coedit-clients.js';
import { answerLoopDelay, loopDelayOf, resetLoopDelay } from './lib/loop-delay.js';

const SETTLE_MS = 3000;
/** Several app nodes learn of each other by a heartbeat every 5 s (realtime/cluster.ts): wait for one. */
const SETTLE_NODES_MS = 6000;
const NODES = Number(process.argv[process.argv.indexOf('--nodes') + 1] ?? 1) || 1;
/**
 * The servers compared; --floor adds a bare socket.io relay (bench/lib/bare-socketio-server.js). With --nodes N
 * the comparison is the portal on one node against the portal on N nodes (`portal-N`), both on PostgreSQL.
 */
const KINDS =
	process.argv.includes('--nodes') && NODES > 1
		? ['portal', `portal-${NODES}`]
		: ['portal', 'hocuspocus', ...(process.argv.includes('--floor') ? ['socketio'] : [])];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
	options: {
		seconds: { type: 'string', default: '60' },
		editors: { type: 'string', default: '20' },
		rate: { type: 'string', default: '5' },
		only: { type: 'string' },
		rounds: { type: 'string', default: '1' },
		threads: { type: 'string', default: '1' },
		postgres: { type: 'boolean', default: false },
		floor: { type: 'boolean', default: false },
		nodes: { type: 'string', default: '1' },
		memory: { type: 'boolean', default: false },
		serve: { type: 'string' },
		'data-dir': { type: 'string' }
	}
});

// Several app nodes share one PostgreSQL database.
if (NODES > 1) args.postgres = true;
if (args.serve === 'hocuspocus') await serveHocuspocus();
else {
	useBrowserBuilds();
	await main();
	// Reconnect timers of closed clients would keep the process alive for nothing.
	process.exit();
}

// ——— the load ———————————————————————————————————————————————————————————————————————————————

async function main() {
	const seconds = Number(args.seconds);
	const editors = Number(args.editors);
	const rate = Number(args.rate);
	const threads = Number(args.threads);
	if (!(seconds > 0 && editors >= 2 && rate > 0 && threads >= 1)) throw new Error('--seconds > 0, --editors >= 2, --rate > 0, --threads >= 1');
	console.log(
		`bench/coedit: ${editors} editors (in ${threads} thread${threads > 1 ? 's' : ''}) × ${rate} characters/s × ${seconds} s into one item; portal on ${args.postgres ? 'PostgreSQL' : 'PGlite'}` +
			` (Node ${process.version}, load average ${loadavg()[0].toFixed(1)})`
	);
	// Built once up front, so no round waits for (or follows right after) a build.
	if (args.only !== 'hocuspocus') buildIfNeeded();
	const runs = await runRounds({ seconds, editors, rate, threads }, Number(args.rounds));
	const results = KINDS.map((kind) =>
		combine(
			kind,
			runs.filter((r) => r.kind === kind)
		)
	).filter(Boolean);
	report(results);
	const file = writeResults({ seconds, editors, threads, rate, results });
	console.log(
		`results: ${path.relative(root, file)} (load average at the end: ${loadavg()
			.map((l) => l.toFixed(1))
			.join(' ')})`
	);
}

/** Each round runs both servers; rounds alternate the order, so a change in the machine's load hits both alike. */
async function runRounds(load, rounds) {
	const runs = [];
	for (let round = 1; round <= rounds; round++) {
		const order = round % 2 ? KINDS : [...KINDS].reverse();
		for (const kind of order) {
			if (args.only && args.only !== kind) continue;
			const nodes = kind.startsWith('portal-') ? NODES : 1;
			const server = kind.startsWith('portal')
				? await startPortalServer({ usePostgres: args.postgres, execArgv: serverFlags(), nodes })
				: await startChildServer(kind);
			const children = server.children ?? [server.child];
			try {
				// Starting a server (and seeding its database) keeps the machine busy for a moment after it is ready.
				await new Promise((r) => setTimeout(r, nodes > 1 ? SETTLE_NODES_MS : SETTLE_MS));
				const address = { url: server.url, urls: server.urls, cookies: server.cookies, itemId: server.itemId };
				const before = residentOf(children[0].pid);
				const measured = await runLoad(kind, address, load, () => children.forEach(resetLoopDelay));
				const r = { kind, round, ...measured, loopDelay: worstLoopDelay(await Promise.all(children.map(loopDelayOf))) };
				runs.push(r);
				if (args.memory && kind.startsWith('portal')) await reportMemory(kind, children[0].pid, before);
				if (rounds > 1 || nodes > 1) {
					const cross = r.crossNode
						? `; across nodes p50 ${r.crossNode.p50.toFixed(2)}, p95 ${r.crossNode.p95.toFixed(2)}, p99 ${r.crossNode.p99.toFixed(2)} ms`
						: '';
					console.log(
						`  round ${round} ${kind}: p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms${cross}` +
							` (server event-loop delay p99 ${r.loopDelay.p99.toFixed(2)} ms)`
					);
				}
			} finally {
				await server.stop();
			}
		}
	}
	return runs;
}

/** The server's resident memory idle before the load and 15 s after it (the editors gone). */
async function reportMemory(kind, pid, before) {
	await new Promise((r) => setTimeout(r, 15_000));
	const after = residentOf(pid);
	console.log(
		`  ${kind} resident memory: idle before the load ${before.rss.toFixed(0)} MB, idle after it ${after.rss.toFixed(0)} MB (peak ${after.peak.toFixed(0)} MB)`
	);
}

/** Of several nodes' event-loop delays, the worst per figure. */
function worstLoopDelay(delays) {
	return { p50: Math.max(...delays.map((d) => d.p50)), p99: Math.max(...delays.map((d) => d.p99)), max: Math.max(...delays.map((d) => d.max)) };
}

/** The run as JSON in bench/results/; returns the file. */
function writeResults(figures) {
	const dir = path.join(root, 'bench', 'results');
	mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `coedit-${new Date().toISOString().replaceAll(/[:.]/g, '-')}.json`);
	const record = {
		bench: 'coedit',
		at: new Date().toISOString(),
		node: process.version,
		cpus: cpus().length,
		loadavg: loadavg(),
		storage: args.postgres ? 'postgres' : 'pglite',
		nodes: NODES,
		...figures
	};
	writeFileSync(file, JSON.stringify(record, null, '\t') + '\n');
	return file;
}

/**
 * One run: every editor inserts one character at a random place of the shared paragraph every 1/rate s.
 * Latency = time from the local insert until another editor's Y.Doc has it (the editor threads share one
 * monotonic clock). Convergence = editors whose final text equals what a late joiner loads from the server,
 * which must also hold every character typed.
 */
async function runLoad(kind, server, { seconds, editors, rate, threads }, started) {
	const team = await startEditors(kind, server, { editors, rate, threads });
	try {
		const blocks = Math.max(0, ...(await team.all('paragraph')).map((r) => r.blocks ?? 0));
		await team.all('await-paragraph', { blocks });
		started();
		await team.all('type', { seconds });
		const texts = async () => (await team.all('texts')).flatMap((r) => r.texts);
		const settled = await until(async () => new Set(await texts()).size === 1, 30_000, 'convergence').then(
			() => true,
			() => false
		);
		if (!settled) console.warn(`  ${kind}: the editors had not converged after 30 s`);
		const late = await (await connectorFor(kind, server))(editors);
		await late.synced;
		await until(() => late.doc.getXmlFragment('description').length === blocks, 10_000, 'late joiner').catch(() => {});
		const truth = textOf(late.doc);
		const lateChars = late.doc.getXmlFragment('description').get(0)?.get(0)?.length ?? 0;
		const converged = (await texts()).filter((t) => t === truth).length;
		await late.close();
		const collected = await team.all('collect');
		const nodes = server.urls?.length ?? 1;
		const figures = { ...latencyOf(collected, editors), stored: lateChars, convergence: (converged / editors) * 100 };
		// Editor i is on node i mod n: the arrivals whose writer and reader are on different nodes.
		if (nodes > 1) figures.crossNode = latencyOf(collected, editors, (from, to) => from % nodes !== to % nodes);
		return figures;
	} finally {
		await team.close();
	}
}

/** The editors, spread round-robin over `threads` worker threads; `all(cmd)` runs a command in every thread. */
async function startEditors(kind, server, { editors, rate, threads }) {
	const { Worker } = await import('node:worker_threads');
	const workers = [];
	for (let t = 0; t < Math.min(threads, editors); t++) {
		const indices = [...Array(editors).keys()].filter((i) => i % threads === t);
		const worker = new Worker(new URL('./lib/coedit-editors.js', import.meta.url), { workerData: { kind, server, indices, editors, rate } });
		await new Promise((resolve, reject) => {
			worker.once('message', resolve);
			worker.once('error', reject);
		});
		workers.push(worker);
	}
	let next = 0;
	const call = (worker, cmd, args) =>
		new Promise((resolve, reject) => {
			const id = ++next;
			const onMessage = (msg) => {
				if (msg.id !== id) return;
				worker.off('message', onMessage);
				worker.off('error', reject);
				resolve(msg);
			};
			worker.on('message', onMessage);
			worker.once('error', reject);
			worker.postMessage({ id, cmd, ...args });
		});
	return {
		all: (cmd, args = {}) => Promise.all(workers.map((w) => call(w, cmd, args))),
		close: async () => {
			await Promise.all(workers.map((w) => call(w, 'close', {}).catch(() => {})));
			await Promise.all(workers.map((w) => w.terminate()));
		}
	};
}

/**
 * Latency of every arrival of a keystroke at another editor, from what the threads recorded; `only(writer, reader)`
 * (editor indices) picks a part of them.
 */
function latencyOf(collected, editors, only = () => true) {
	const sentAt = new Map(collected.flatMap((c) => c.sent));
	const indexOf = new Map(collected.flatMap((c) => c.editors));
	const typed = collected.reduce((a, c) => a + c.typed, 0);
	const latencies = [];
	for (const { arrivals } of collected) {
		for (let k = 0; k < arrivals.keys.length; k++) {
			const at = sentAt.get(arrivals.keys[k]);
			if (at === undefined || !only(indexOf.get(Number(arrivals.keys[k].split(':')[0])), arrivals.to[k])) continue;
			latencies.push(arrivals.at[k] - at);
		}
	}
	latencies.sort((a, b) => a - b);
	const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : NaN);
	return {
		typed,
		delivered: (latencies.length / (typed * (editors - 1))) * 100,
		samples: latencies.length,
		p50: pct(50),
		p95: pct(95),
		p99: pct(99),
		max: latencies.at(-1) ?? NaN,
		mean: latencies.reduce((a, b) => a + b, 0) / (latencies.length || 1)
	};
}

/** Several rounds of one server: sums of counts, the median of each latency figure. */
function combine(kind, rs) {
	if (!rs.length) return null;
	if (rs.length === 1) return rs[0];
	const medianOf = (values) => {
		const v = [...values].sort((a, b) => a - b);
		return v.length % 2 ? v[v.length >> 1] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
	};
	const median = (k) => medianOf(rs.map((r) => r[k]));
	const sum = (k) => rs.reduce((a, r) => a + r[k], 0);
	return {
		kind,
		rounds: rs.length,
		typed: sum('typed'),
		stored: sum('stored'),
		convergence: Math.min(...rs.map((r) => r.convergence)),
		delivered: (sum('samples') / rs.reduce((a, r) => a + r.samples / (r.delivered / 100), 0)) * 100,
		samples: sum('samples'),
		p50: median('p50'),
		p95: median('p95'),
		p99: median('p99'),
		max: Math.max(...rs.map((r) => r.max)),
		mean: median('mean'),
		...(rs[0].crossNode ? { crossNode: Object.fromEntries(['p50', 'p95', 'p99'].map((k) => [k, medianOf(rs.map((r) => r.crossNode[k]))])) } : {}),
		loopDelay: {
			p50: medianOf(rs.map((r) => r.loopDelay.p50)),
			p99: medianOf(rs.map((r) => r.loopDelay.p99)),
			max: Math.max(...rs.map((r) => r.loopDelay.max))
		},
		runs: rs
	};
}

function report(results) {
	const f = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
	console.log('');
	console.log(results.some((r) => r.rounds) ? '(latency figures: median over the rounds; counts: summed)' : '');
	console.log('server       typed  stored  convergence  delivered     p50 ms   p95 ms   p99 ms   max ms  mean ms   server loop delay p99 ms');
	for (const r of results) {
		console.log(
			`${r.kind.padEnd(11)} ${String(r.typed).padStart(6)} ${String(r.stored).padStart(7)} ${(f(r.convergence, 0) + ' %').padStart(12)} ${(f(r.delivered) + ' %').padStart(10)}` +
				` ${f(r.p50, 2).padStart(9)} ${f(r.p95, 2).padStart(8)} ${f(r.p99, 2).padStart(8)} ${f(r.max, 1).padStart(8)} ${f(r.mean, 2).padStart(8)}` +
				` ${f(r.loopDelay.p99, 2).padStart(26)}`
		);
	}
	const [p, h, s] = ['portal', 'hocuspocus', 'socketio'].map((kind) => results.find((r) => r.kind === kind));
	const ratios = (a, b) => ['p50', 'p95', 'p99'].map((k) => `${k} ${f(a[k] / b[k], 2)}×`).join('  ');
	if (p && h) console.log(`ratio portal/hocuspocus (lower is better for the portal): ${ratios(p, h)}`);
	if (s && h) console.log(`ratio socket.io floor/hocuspocus (the transport alone):   ${ratios(s, h)}`);
	if (p && s) console.log(`ratio portal/socket.io floor (what the portal adds):       ${ratios(p, s)}`);
	const several = results.find((r) => r.kind.startsWith('portal-'));
	if (several?.crossNode) {
		const c = several.crossNode;
		console.log(`${several.kind}, writer and reader on different nodes: p50 ${f(c.p50, 2)} ms  p95 ${f(c.p95, 2)} ms  p99 ${f(c.p99, 2)} ms`);
	}
	if (p && several) console.log(`ratio ${several.kind}/portal on one node (the cost of the second node): ${ratios(several, p)}`);
	const bad = results.filter((r) => r.convergence !== 100 || r.stored !== r.typed);
	if (!results.length) return;
	if (bad.length) {
		console.log(`NOT CONVERGED or characters lost: ${bad.map((r) => r.kind).join(', ')}`);
		process.exitCode = 1;
	}
}

// ——— servers (child processes) ————————————————————————————————————————————————————————————

/** Node flags for the server processes: BENCH_PROFILE=dir writes a CPU profile of each; BENCH_SERVER_FLAGS passes others. */
function serverFlags() {
	if (process.env.BENCH_PROFILE) return ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`];
	return process.env.BENCH_SERVER_FLAGS?.split(' ') ?? [];
}

/** The other servers, each in a child process: Hocuspocus (this script, its database in a temporary directory) or the floor. */
function startChildServer(kind) {
	const dataDir = kind === 'hocuspocus' ? pgliteDirectory() : null;
	const [script, childArgs] =
		kind === 'hocuspocus'
			? [fileURLToPath(import.meta.url), ['--serve', 'hocuspocus', '--data-dir', dataDir]]
			: [fileURLToPath(new URL('./lib/bare-socketio-server.js', import.meta.url)), []];
	const child = fork(script, childArgs, { cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: serverFlags() });
	const exited = new Promise((resolve) => child.once('exit', resolve));
	void exited.then(() => dataDir && rmSync(dataDir, { recursive: true, force: true }));
	const stop = async () => {
		child.kill('SIGTERM');
		await exited;
	};
	return new Promise((resolve, reject) => {
		child.once('message', (msg) => resolve({ child, stop, ...msg }));
		child.once('exit', (code) => reject(new Error(`${kind} server exited (${code}) before it was ready`)));
	});
}

/** Hocuspocus 3.4 as it is usually run: in-memory documents, stored (debounced, its default) to a database (PGlite on disk, as the portal's). */
async function serveHocuspocus() {
	const { Server } = await import('@hocuspocus/server');
	const { PGlite } = await import('@electric-sql/pglite');
	const Y = await import('yjs');
	const pg = await PGlite.create(args['data-dir']);
	await pg.exec('create table documents (name text primary key, state bytea not null)');
	const server = new Server({
		address: '127.0.0.1',
		port: 0,
		quiet: true,
		async onLoadDocument({ documentName, document }) {
			const { rows } = await pg.query('select state from documents where name = $1', [documentName]);
			if (rows[0]) Y.applyUpdate(document, rows[0].state);
		},
		async onStoreDocument({ documentName, document }) {
			await pg.query('insert into documents (name, state) values ($1, $2) on conflict (name) do update set state = excluded.state', [
				documentName,
				Y.encodeStateAsUpdate(document)
			]);
		}
	});
	await server.listen();
	answerLoopDelay();
	process.send({ url: `ws://127.0.0.1:${server.address.port}` });
	process.once('SIGTERM', async () => {
		await server.destroy();
		await pg.close();
		process.exit(0);
	});
}
