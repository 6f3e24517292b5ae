#!/usr/bin/env node
// Start-up benchmark: time from spawning the production server to the first 200 from GET /healthz,
// on an EMPTY embedded database (fresh DATA_DIR: migrations + seed) and on an EXISTING one (same
// DATA_DIR again). Usage: npm run bench:startup [-- --runs N] [-- --npm-start] [-- --json]
import { freePort } from './lib/free-port.js';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded } from '../scripts/build-if-needed.js';
import { serverEnv, serverNodeFlags } from '../scripts/server-flags.js';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

function parseArgs(argv) {
	const opts = { runs: 5, warmup: 1, npmStart: false, json: false, timeoutMs: 120_000 };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--runs' || a.startsWith('--runs=')) {
			opts.runs = Number(a.includes('=') ? a.split('=')[1] : argv[++i]);
		} else if (a === '--warmup' || a.startsWith('--warmup=')) {
			opts.warmup = Number(a.includes('=') ? a.split('=')[1] : argv[++i]);
		} else if (a === '--npm-start') opts.npmStart = true;
		else if (a === '--json') opts.json = true;
		else if (a === '--help' || a === '-h') {
			console.log('usage: node bench/startup.js [--runs N] [--warmup N] [--npm-start] [--json]');
			process.exit(0);
		} else {
			console.error(`unknown argument: ${a}`);
			process.exit(2);
		}
	}
	if (!Number.isInteger(opts.runs) || opts.runs < 1) {
		console.error('--runs needs a whole number of at least 1');
		process.exit(2);
	}
	if (!Number.isInteger(opts.warmup) || opts.warmup < 0) {
		console.error('--warmup needs a whole number (0 or more)');
		process.exit(2);
	}
	return opts;
}

const live = new Set();
const tempDirs = new Set();
function cleanUp() {
	for (const child of live) child.kill('SIGKILL');
	for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		cleanUp();
		process.exit(130);
	});
}

/** Spawns the server on `dataDir` and returns the milliseconds until /healthz first answered 200. */
async function timeStartup(dataDir, opts) {
	const port = await freePort();
	const env = { ...serverEnv, ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir };
	delete env.DATABASE_URL; // the embedded database is what is measured
	const args = opts.npmStart ? ['scripts/start.js'] : [...serverNodeFlags, 'server.js'];
	const url = `http://127.0.0.1:${port}/healthz`;

	const started = performance.now();
	const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
	live.add(child);
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const exited = new Promise((resolve) => child.once('exit', resolve));

	try {
		for (;;) {
			if (child.exitCode !== null || child.signalCode !== null) {
				throw new Error(`server stopped before it was healthy (exit ${child.exitCode ?? child.signalCode}):\n${output}`);
			}
			if (performance.now() - started > opts.timeoutMs) throw new Error(`not healthy within ${opts.timeoutMs} ms:\n${output}`);
			try {
				const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
				await res.arrayBuffer();
				if (res.status === 200) return performance.now() - started;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 5));
		}
	} finally {
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
		await exited;
		clearTimeout(timer);
		live.delete(child);
	}
}

function stats(values) {
	const s = [...values].sort((a, b) => a - b);
	const rank = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
	const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	return { runs: s.length, min: s[0], median, p99: rank(0.99), max: s[s.length - 1] };
}

const ms = (v) => `${Math.round(v)}`.padStart(8);

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	const built = buildIfNeeded();
	console.log(
		`bench:startup — ${opts.runs} run(s) per case after ${opts.warmup} warm-up, ${opts.npmStart ? 'node scripts/start.js (npm start)' : 'node server.js'}, NODE_ENV=production, embedded PGlite${built ? ' (bundle just built)' : ''}`
	);

	/** One empty start and one existing start on a fresh DATA_DIR, deleted afterwards. */
	async function pair() {
		const dataDir = mkdtempSync(path.join(tmpdir(), 'rp-bench-'));
		tempDirs.add(dataDir);
		try {
			return [await timeStartup(dataDir, opts), await timeStartup(dataDir, opts)];
		} finally {
			rmSync(dataDir, { recursive: true, force: true });
			tempDirs.delete(dataDir);
		}
	}

	for (let i = 1; i <= opts.warmup; i++) {
		const [a, b] = await pair();
		console.log(`  warm-up ${i} (not counted): empty ${Math.round(a)} ms, existing ${Math.round(b)} ms`);
	}
	const empty = [];
	const existing = [];
	for (let i = 1; i <= opts.runs; i++) {
		const [a, b] = await pair();
		empty.push(a);
		existing.push(b);
		console.log(`  run ${String(i).padStart(2)}: empty ${Math.round(a)} ms, existing ${Math.round(b)} ms`);
	}

	const result = { empty: stats(empty), existing: stats(existing) };
	const ratio = result.existing.median / result.empty.median;
	console.log('');
	console.log('case        runs     min  median     p99     max   (ms, spawn → first 200 from /healthz)');
	for (const [name, s] of Object.entries(result)) {
		console.log(`${name.padEnd(10)} ${String(s.runs).padStart(5)}${ms(s.min)}${ms(s.median)}${ms(s.p99)}${ms(s.max)}`);
	}
	console.log(`ratio existing/empty (median): ${ratio.toFixed(2)}`);

	const record = {
		date: new Date().toISOString(),
		node: process.version,
		command: opts.npmStart ? 'node scripts/start.js' : 'node server.js',
		runsPerCase: opts.runs,
		warmupRuns: opts.warmup,
		samplesMs: { empty, existing },
		...result,
		ratioExistingToEmpty: ratio
	};
	mkdirSync(path.join(root, 'bench/results'), { recursive: true });
	const file = path.join(root, 'bench/results', `startup-${record.date.replace(/[:.]/g, '-')}.json`);
	writeFileSync(file, JSON.stringify(record, null, 2) + '\n');
	console.log(`results: ${path.relative(root, file)}`);
	if (opts.json) console.log(JSON.stringify(record));
}

main().catch((err) => {
	console.error(err);
	process.exitCode = 1;
});
