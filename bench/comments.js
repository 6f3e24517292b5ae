#!/usr/bin/env node
// bench/comments: N clients in one item's comment room; comments are posted at a fixed rate through the portal's
// real socket.io handlers (session authentication at the handshake, the actor's grants loaded per command, zod
// validation, authorisation, one database transaction with audit row and sequence number, publish after commit).
// Then the same fan-out on a bare socket.io server that only relays (no database): the floor.
// Prints delivery latency from send to every recipient (p50, p99, max) for both, and the ratio.
//
//   node bench/comments.js [--clients 300] [--rate 10] [--seconds 30] [--postgres] [--nodes 2]
//
// --nodes 2 (implies --postgres): the portal on one node, then on two app nodes (a second portal process joins the
// same database; socket.io's PostgreSQL adapter links them) with the clients split over both, in the same run;
// no bare floor. Latency is also shown for the deliveries whose sender and recipient are on different nodes.
//
// Each server runs in its own child process, so the clients (in this process) never share its event loop.
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { openBenchDatabase } from './lib/bench-database.js';
import { useBrowserBuilds } from './lib/browser-builds.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
	options: {
		clients: { type: 'string', default: '300' },
		rate: { type: 'string', default: '10' },
		seconds: { type: 'string', default: '30' },
		postgres: { type: 'boolean', default: false },
		nodes: { type: 'string', default: '1' },
		serve: { type: 'string' },
		join: { type: 'string' }
	}
});
const NODES = Number(args.nodes);
// Several app nodes share one PostgreSQL database.
if (NODES > 1) args.postgres = true;

if (args.serve === 'portal' && args.join) await joinPortal(args.join);
else if (args.serve === 'portal') await servePortal(Number(args.clients), args.postgres);
else if (args.serve === 'bare') await serveBare();
else {
	useBrowserBuilds();
	await (NODES > 1 ? mainNodes() : main());
}

async function main() {
	const clients = Number(args.clients);
	const rate = Number(args.rate);
	const seconds = Number(args.seconds);
	console.log(
		`bench/comments: ${clients} clients in one item room, ${rate} comments/s for ${seconds} s (Node ${process.version}${args.postgres ? ', PostgreSQL' : ', PGlite'})`
	);
	const results = [];
	for (const kind of ['portal', 'bare']) {
		const server = await startChild(kind, clients);
		try {
			results.push({ kind, ...(await runLoad(kind, server, { clients, rate, seconds })) });
		} finally {
			server.child.kill('SIGTERM');
			await new Promise((r) => server.child.once('exit', r));
		}
	}
	const [portal, bare] = results;
	console.log(row(portal));
	console.log(row(bare));
	const ratio = { p50: portal.p50 / bare.p50, p99: portal.p99 / bare.p99, max: portal.max / bare.max };
	console.log(`ratio portal/bare: p50 ${ratio.p50.toFixed(2)}×  p99 ${ratio.p99.toFixed(2)}×  max ${ratio.max.toFixed(2)}×  (aim: p99 within 2×)`);
	writeResults({ clients, rate, seconds, postgres: args.postgres, node: process.version, results, ratio });
}

/**
 * --nodes N: the same load on one portal node, then on N nodes of the same database with the clients split over
 * them (client i on node i mod N), in one run.
 */
async function mainNodes() {
	const clients = Number(args.clients);
	const rate = Number(args.rate);
	const seconds = Number(args.seconds);
	console.log(
		`bench/comments: ${clients} clients in one item room, ${rate} comments/s for ${seconds} s, one node then ${NODES} nodes on one PostgreSQL database (Node ${process.version}, load average ${loadavg()[0].toFixed(1)})`
	);
	const first = await startChild('portal', clients);
	const others = [];
	const results = [];
	try {
		results.push({ kind: 'portal', ...(await runLoad('portal', { ...first, urls: [first.url] }, { clients, rate, seconds })) });
		for (let n = 2; n <= NODES; n++) others.push(await startChild('portal', clients, ['--join', first.databaseUrl, '--nodes', String(NODES)]));
		const urls = [first.url, ...others.map((o) => o.url)];
		results.push({ kind: `portal-${NODES}`, ...(await runLoad('portal', { ...first, urls }, { clients, rate, seconds })) });
	} finally {
		// The first node drops the database: it goes last.
		for (const s of [...others, first]) {
			s.child.kill('SIGTERM');
			await new Promise((r) => s.child.once('exit', r));
		}
	}
	const [one, several] = results;
	console.log(row(one));
	console.log(row(several));
	console.log(
		`${several.kind}, sender and recipient on different nodes: p50 ${fmt(several.crossNode.p50)}  p95 ${fmt(several.crossNode.p95)}  p99 ${fmt(several.crossNode.p99)}`
	);
	const ratio = Object.fromEntries(['p50', 'p95', 'p99'].map((k) => [k, several[k] / one[k]]));
	console.log(`ratio ${several.kind}/one node: p50 ${ratio.p50.toFixed(2)}×  p95 ${ratio.p95.toFixed(2)}×  p99 ${ratio.p99.toFixed(2)}×`);
	writeResults({ clients, rate, seconds, postgres: true, nodes: NODES, node: process.version, loadavg: loadavg(), results, ratio });
	console.log(
		`load average at the end: ${loadavg()
			.map((l) => l.toFixed(1))
			.join(' ')}`
	);
}

function row(r) {
	return (
		`${r.kind.padEnd(8)} sent ${String(r.sent).padStart(5)}  acked ${String(r.acked).padStart(5)}  refused ${String(r.refused).padStart(3)}  deliveries ${String(r.deliveries).padStart(7)}/${String(r.expected).padStart(7)}` +
		`  ack p50 ${fmt(r.ack.p50)}  latency p50 ${fmt(r.p50)}  p95 ${fmt(r.p95)}  p99 ${fmt(r.p99)}  max ${fmt(r.max)}`
	);
}

function writeResults(record) {
	const dir = path.join(root, 'bench', 'results');
	mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `comments-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
	writeFileSync(file, JSON.stringify(record, null, 2));
	console.log(`written: ${path.relative(root, file)}`);
}

function fmt(ms) {
	return `${ms.toFixed(1).padStart(7)} ms`;
}
function pct(sorted, p) {
	return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

async function runLoad(kind, server, { clients, rate, seconds }) {
	const { io } = await import('socket.io-client');
	const sockets = [];
	const sentAt = new Map();
	const latencies = [];
	/** Deliveries whose sender and recipient are on different nodes (client i is on node i mod the node count). */
	const crossNode = [];
	const senderOf = new Map();
	const urls = server.urls ?? [server.url];
	const ackTimes = [];
	let deliveries = 0;
	for (let i = 0; i < clients; i++) {
		const url = urls[i % urls.length];
		const s = io(url, {
			transports: ['websocket'],
			forceNew: true,
			reconnection: false,
			extraHeaders: kind === 'portal' ? { cookie: server.cookies[i], origin: url } : {}
		});
		await new Promise((resolve, reject) => {
			s.once('connect', resolve);
			s.once('connect_error', reject);
		});
		const join = await s.emitWithAck(kind === 'portal' ? 'comments:subscribe' : 'join', { itemId: server.itemId });
		if (!join.ok) throw new Error(`${kind}: could not join: ${JSON.stringify(join)}`);
		s.on('comment:changed', (e) => {
			const t0 = sentAt.get(e.comment.id);
			if (t0 === undefined) return;
			const ms = performance.now() - t0;
			latencies.push(ms);
			if (senderOf.get(e.comment.id) % urls.length !== i % urls.length) crossNode.push(ms);
			deliveries++;
		});
		sockets.push(s);
	}
	let sent = 0;
	let acked = 0;
	let refused = 0;
	const interval = 1000 / rate;
	const start = performance.now();
	const pending = [];
	while (performance.now() - start < seconds * 1000) {
		const target = start + sent * interval;
		const wait = target - performance.now();
		if (wait > 0) await new Promise((r) => setTimeout(r, wait));
		const s = sockets[sent % sockets.length];
		const id = randomUUID();
		senderOf.set(id, sent % sockets.length);
		const t0 = performance.now();
		sentAt.set(id, t0);
		sent++;
		pending.push(
			s
				.timeout(30_000)
				.emitWithAck('comment:post', { id, itemId: server.itemId, body: `Bench-reactie ${sent}: **akkoord** met de [raming](https://example.org).` })
				.then(
					(res) => {
						ackTimes.push(performance.now() - t0);
						res.ok ? acked++ : refused++;
					},
					() => refused++
				)
		);
	}
	await Promise.all(pending);
	const expected = acked * clients;
	const deadline = performance.now() + 10_000;
	while (deliveries < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
	for (const s of sockets) s.close();
	latencies.sort((a, b) => a - b);
	crossNode.sort((a, b) => a - b);
	ackTimes.sort((a, b) => a - b);
	return {
		sent,
		acked,
		refused,
		deliveries,
		expected,
		p50: pct(latencies, 50),
		p95: pct(latencies, 95),
		p99: pct(latencies, 99),
		max: latencies.at(-1) ?? NaN,
		...(urls.length > 1 ? { crossNode: { samples: crossNode.length, p50: pct(crossNode, 50), p95: pct(crossNode, 95), p99: pct(crossNode, 99) } } : {}),
		ack: { p50: pct(ackTimes, 50), p99: pct(ackTimes, 99) }
	};
}

function startChild(kind, clients, extra = []) {
	const child = fork(fileURLToPath(import.meta.url), ['--serve', kind, '--clients', String(clients), ...(args.postgres ? ['--postgres'] : []), ...extra], {
		cwd: root,
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	return new Promise((resolve, reject) => {
		child.once('message', (msg) => resolve({ child, ...msg }));
		child.once('exit', (code) => reject(new Error(`${kind} server exited (${code}) before it was ready`)));
	});
}

/** The floor: socket.io with the same options (websocket-only), one room, relay and acknowledge, nothing else. */
async function serveBare() {
	const { createServer } = await import('node:http');
	const { Server } = await import('socket.io');
	const http = createServer();
	const io = new Server(http, { transports: ['websocket'], serveClient: false });
	let seq = 0;
	io.on('connection', (socket) => {
		socket.on('join', async (p, ack) => {
			await socket.join(`comments:${p.itemId}`);
			ack({ ok: true, data: { seq } });
		});
		socket.on('comment:post', (p, ack) => {
			const comment = { id: p.id, itemId: p.itemId, body: p.body, seq: ++seq };
			io.to(`comments:${p.itemId}`).emit('comment:changed', { change: 'created', comment });
			ack({ ok: true, data: comment });
		});
	});
	await new Promise((r) => http.listen(0, '127.0.0.1', r));
	process.send({ url: `http://127.0.0.1:${http.address().port}`, itemId: randomUUID(), cookies: [] });
	process.once('SIGTERM', () => {
		io.close();
		process.exit(0);
	});
}

/** The portal's server modules, loaded through Vite (TypeScript as in development). */
async function serverModules() {
	const { createServer: createVite } = await import('vite');
	const vite = await createVite({
		configFile: false,
		root,
		logLevel: 'error',
		appType: 'custom',
		server: { middlewareMode: true, hmr: false, watch: null, ws: false },
		optimizeDeps: { noDiscovery: true, include: [] }
	});
	return { vite, load: (p) => vite.ssrLoadModule(p) };
}

/** The portal: server modules loaded through Vite (TypeScript as in development), the real socket.io handlers. */
async function servePortal(clients, postgres) {
	const { createServer: createHttp } = await import('node:http');
	const { vite, load } = await serverModules();
	const { createDb } = await load('/src/lib/server/db/index.ts');
	const { seedIfEmpty } = await load('/src/lib/server/seed/index.ts');
	const { readConfig } = await load('/src/lib/server/config.ts');
	const { useRuntime } = await load('/src/lib/server/runtime.ts');
	const { createIo } = await load('/src/lib/server/realtime/io.js');
	const { setupRealtime } = await load('/src/lib/server/realtime/setup.ts');
	const { createAuthSession } = await load('/src/lib/server/auth/auth-session.ts');
	const { loadActor } = await load('/src/lib/server/modules/users/index.ts');
	const { createItem } = await load('/src/lib/server/modules/agenda-items/index.ts');
	const schema = await load('/src/lib/server/db/schema/index.ts');

	const { handle, drop: dropDatabase } = await openBenchDatabase({ createDb, seedIfEmpty, postgres });
	useRuntime({ config: readConfig(), handle, db: handle.db });

	const municipalities = ['leiden', 'leiderdorp', 'oegstgeest', 'voorschoten', 'zoeterwoude'];
	const origin = { ip: '127.0.0.1', userAgent: 'bench/comments' };
	const [verkenner] = await handle.db.insert(schema.users).values({ email: 'verkenner@bench.test', name: 'Bench Verkenner' }).returning();
	await handle.db.insert(schema.memberships).values({ userId: verkenner.id, role: 'verkenner', municipalityId: null });
	const people = await handle.db
		.insert(schema.users)
		.values(Array.from({ length: clients }, (_, i) => ({ email: `lid${i}@bench.test`, name: `Klankbordlid ${i + 1}` })))
		.returning();
	await handle.db.insert(schema.memberships).values(people.map((u, i) => ({ userId: u.id, role: 'klankbordgroeplid', municipalityId: municipalities[i % 5] })));
	const cookies = [];
	for (const u of people) {
		const { token } = await createAuthSession(handle.db, u.id, origin, { twoFactorVerified: false });
		cookies.push(`rp_session=${token}`);
	}
	const actor = await loadActor(handle.db, verkenner);
	const { id: itemId } = await createItem(handle.db, actor, { ambitionId: 1, title: 'Benchmark reacties', horizon: 'voor_verkiezingen' }, origin);

	const io = createIo();
	await setupRealtime(io);
	const http = createHttp();
	io.attach(http);
	await new Promise((r) => http.listen(0, '127.0.0.1', r));
	process.send({ url: `http://127.0.0.1:${http.address().port}`, cookies, itemId, databaseUrl: handle.url });
	process.once('SIGTERM', async () => {
		io.close();
		await Promise.race([dropDatabase(), new Promise((r) => setTimeout(r, 5000))]).catch(() => {});
		await vite.close();
		process.exit(0);
	});
}

/**
 * Another app node of the same portal (--nodes): opens the database the first node made and serves socket.io
 * with the real handlers; ready once the PostgreSQL adapter knows every node (they learn of each other by a
 * heartbeat every 5 s).
 */
async function joinPortal(databaseUrl) {
	const { createServer: createHttp } = await import('node:http');
	const { vite, load } = await serverModules();
	const { createDb } = await load('/src/lib/server/db/index.ts');
	const { readConfig } = await load('/src/lib/server/config.ts');
	const { useRuntime } = await load('/src/lib/server/runtime.ts');
	const { createIo } = await load('/src/lib/server/realtime/io.js');
	const { setupRealtime } = await load('/src/lib/server/realtime/setup.ts');
	const handle = await createDb({ url: databaseUrl, max: 10 });
	useRuntime({ config: readConfig(), handle, db: handle.db });
	const io = createIo();
	await setupRealtime(io);
	const http = createHttp();
	io.attach(http);
	await new Promise((r) => http.listen(0, '127.0.0.1', r));
	const deadline = Date.now() + 20_000;
	while ((await io.of('/').adapter.serverCount()) < NODES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
	process.send({ url: `http://127.0.0.1:${http.address().port}` });
	process.once('SIGTERM', async () => {
		io.close();
		await handle.close();
		await vite.close();
		process.exit(0);
	});
}
