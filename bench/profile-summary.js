#!/usr/bin/env node
// bench/profile-summary: reads a V8 CPU profile (e.g. one written by `BENCH_PROFILE=dir node bench/coedit.js`) and
// prints how busy the process was after a warm-up, its busiest functions (self and inclusive time), and, with
// --rate N, the busy time per unit of work arriving N times a second (bench/coedit's 20 editors × 5 characters/s:
// --rate 100 gives the CPU per keystroke).
//
//   node bench/profile-summary.js <file.cpuprofile> [--skip-ms 8000] [--rate 100] [--top 25]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: args, positionals } = parseArgs({
	allowPositionals: true,
	options: { 'skip-ms': { type: 'string', default: '8000' }, rate: { type: 'string' }, top: { type: 'string', default: '25' } }
});
if (!positionals[0]) throw new Error('usage: node bench/profile-summary.js <file.cpuprofile> [--skip-ms N] [--rate N] [--top N]');

const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;

const skipUs = Number(args['skip-ms']) * 1000;
const self = new Map();
const inclusive = new Map();
let elapsed = 0;
let windowUs = 0;
let idleUs = 0;
profile.samples.forEach((id, i) => {
	const dt = profile.timeDeltas[i];
	elapsed += dt;
	if (elapsed < skipUs) return; // start-up (module loading, migrations) is not the load
	windowUs += dt;
	const node = nodes.get(id);
	if (node.callFrame.functionName === '(idle)') return void (idleUs += dt);
	self.set(name(node), (self.get(name(node)) ?? 0) + dt);
	const seen = new Set();
	for (let at = id; at !== undefined; at = parent.get(at)) {
		const key = name(nodes.get(at));
		if (seen.has(key)) continue;
		inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
		seen.add(key);
	}
});

const ms = (us) => (us / 1000).toFixed(0).padStart(7);
const busyUs = windowUs - idleUs;
console.log(`window ${ms(windowUs).trim()} ms after ${args['skip-ms']} ms warm-up; busy ${ms(busyUs).trim()} ms (${((100 * busyUs) / windowUs).toFixed(1)} %)`);
if (args.rate) {
	const units = (windowUs / 1e6) * Number(args.rate);
	console.log(`busy per unit (${units.toFixed(0)} units at ${args.rate}/s in the window): ${(busyUs / 1000 / units).toFixed(2)} ms`);
}
const top = Number(args.top);
console.log('self time (ms)');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(v)}  ${k}`);
console.log('inclusive time (ms)');
for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(v)}  ${k}`);
