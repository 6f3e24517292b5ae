#!/usr/bin/env node
// `npm run bench:memory`: the server's resident memory (VmRSS from /proc, the whole process: the app, the embedded
// database's thread and its WebAssembly memory), on the embedded database and, with DATABASE_URL (or --postgres),
// on a PostgreSQL server (the baseline in the same run: the same app without a database inside). Per database:
// idle after the first start on an empty database (demo data written), then after --seconds (60) of signed-in
// page loads (10 at a time: the start page, the agenda, the positions, an item, a search), idle again, and idle
// after a restart on the same data (a server's usual life). VmHWM is the peak. Figures are for this machine.
// Usage: npm run bench:memory [-- --seconds N] [-- --settle N] [-- --no-postgres]
import { residentOf as memoryOf } from './lib/resident.js';
import { startPortalServer } from './lib/portal-server.js';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 60);
/** How long the server is left alone before its memory is read (timers, the first compactions, the GC). */
const SETTLE = arg('settle', 10);
const CONCURRENCY = 10;
const withPostgres = !!process.env.DATABASE_URL && !process.argv.includes('--no-postgres');

const sleep = (s) => new Promise((r) => setTimeout(r, s * 1000));

/** Signed-in page loads for `seconds`, `CONCURRENCY` at a time, each editor in turn; returns how many were made. */
async function load(url, cookies, itemId, seconds) {
	const pages = ['/', '/agenda', '/standpunten', `/agenda/${itemId}`, '/zoeken?q=woningbouw', '/gemeenten/leiden', '/sessies'];
	const end = Date.now() + seconds * 1000;
	let made = 0;
	const worker = async (w) => {
		for (let n = w; Date.now() < end; n += CONCURRENCY) {
			const res = await fetch(`${url}${pages[n % pages.length]}`, { headers: { cookie: cookies[n % cookies.length] } });
			await res.arrayBuffer();
			if (res.status !== 200) throw new Error(`GET ${pages[n % pages.length]}: ${res.status}`);
			made++;
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
	return made;
}

const line = (label, m) => `  ${label.padEnd(34)} ${m.rss.toFixed(0).padStart(5)} MB resident   (peak so far ${m.peak.toFixed(0)} MB)`;

async function measure(usePostgres) {
	const name = usePostgres ? 'PostgreSQL server' : 'embedded database (PGlite)';
	const portal = await startPortalServer({ usePostgres });
	try {
		await sleep(SETTLE);
		const idle = memoryOf(portal.child.pid);
		const made = await load(portal.url, portal.cookies, portal.itemId, SECONDS);
		await sleep(SETTLE);
		const loaded = memoryOf(portal.child.pid);
		const again = await portal.restart();
		await sleep(SETTLE);
		const restarted = memoryOf(again.child.pid);
		console.log(`\n${name}`);
		console.log(line('idle after the first start', idle));
		console.log(line(`after ${made} page loads in ${SECONDS} s, idle`, loaded));
		console.log(line('idle after a restart', restarted));
		return { idle, loaded, restarted };
	} finally {
		await portal.stop();
	}
}

const embedded = await measure(false);
if (withPostgres) {
	const server = await measure(true);
	const ratio = (a, b) => (a.rss / b.rss).toFixed(1);
	console.log(
		`\nembedded / server: idle ${ratio(embedded.idle, server.idle)}×, after load ${ratio(embedded.loaded, server.loaded)}×, after a restart ${ratio(embedded.restarted, server.restarted)}×`
	);
}
const worst = Math.max(embedded.idle.rss, embedded.loaded.rss, embedded.restarted.rss);
console.log(`embedded database, worst idle figure: ${worst.toFixed(0)} MB (aim: at most 300 MB) ${worst <= 300 ? 'met' : 'NOT met'}`);
