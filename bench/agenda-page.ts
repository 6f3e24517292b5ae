// `npm run bench:agenda-page`: the signed-in overview and list pages with 500 items under 25 concurrent requests
// (real production server, embedded database unless --postgres URL): the agenda, the positions, a municipality,
// the interviews and the start page. Per page: p50/p95/p99 and the server's CPU time per request (both threads,
// from /proc) for the page asked again (served from what was rendered at this database snapshot), and as the
// baseline in the same run the same page at an address not asked before (rendered in full, as every request
// was before). Also the number of SQL queries one overview costs at 50 and at 500 items (it must not grow).
// Options: --items N (500), --concurrency N (25), --requests N (400), --typing (also the page asked again while
// one person types into an item, a keystroke every 100 ms, through the portal's own co-editing client). Figures
// are for the machine it runs on.
import { createDb } from '../src/lib/server/db';
import { seedIfEmpty } from '../src/lib/server/seed';
import { demoAccounts, DEMO_PASSWORD } from '../src/lib/server/seed/demo-accounts';
import { listItems } from '../src/lib/server/modules/agenda-items';
import { setPosition } from '../src/lib/server/modules/decisions';
import { postComment, commentRate } from '../src/lib/server/modules/comments';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { loadActor } from '../src/lib/server/modules/users';
import { users } from '../src/lib/server/db/schema';
import { eq } from 'drizzle-orm';
import { percentile, numberArg } from './lib/measure';
import { createBenchItem, loginCookie, timedGets, withFilledPortal, type BenchDb } from './lib/portal';
import { connectorFor } from './lib/coedit-clients.js';

const arg = numberArg;
const ITEMS = arg('items', 500);
const CONCURRENCY = arg('concurrency', 25);
const REQUESTS = arg('requests', 400);
const TYPING = process.argv.includes('--typing');
const origin = { ip: null, userAgent: 'bench' };
const municipalities = ['leiden', 'leiderdorp', 'oegstgeest', 'voorschoten', 'zoeterwoude'];

const actorFor = async (db: BenchDb, email: string) => loadActor(db, (await db.select().from(users).where(eq(users.email, email)))[0]);
const positions = ['steunt', 'neutraal', 'nog_geen_standpunt', 'steunt', 'neutraal'] as const;

/** Fills a database with `n` items spread over the ambitions, each with five positions and two comments, through the real use cases. */
async function fill(db: BenchDb, n: number, from = 0) {
	commentRate.perMinute = Number.MAX_SAFE_INTEGER; // the bench writes far faster than a person may
	const actor = await actorFor(db, demoAccounts[1].email);
	const members = await Promise.all(municipalities.map((m) => actorFor(db, `klankbord.${m}@demo.regioportaal.nl`)));
	for (let i = from; i < from + n; i++) {
		const id = await createBenchItem(db, actor, i);
		for (const [k, member] of members.entries()) {
			await setPosition(db, member, { itemId: id, municipalityId: municipalities[k], position: positions[(i + k) % 5] }, origin);
		}
		for (const body of ['Goed voorstel.', 'Graag de kosten per gemeente erbij.']) {
			await postComment(db, members[i % 5], { id: randomUUID(), itemId: id, body }, origin);
		}
	}
	return actor;
}

async function queriesPerOverview(): Promise<{ small: number; large: number }> {
	let count = 0;
	const handle = await createDb({ dataDir: 'memory://', logger: { logQuery: () => void count++ } });
	await handle.migrate();
	await seedIfEmpty(handle.db, { demo: true });
	const actor = await fill(handle.db, 50);
	const measure = async () => {
		count = 0;
		await listItems(handle.db, actor, {});
		return count;
	};
	const small = await measure();
	await fill(handle.db, 450, 50);
	const large = await measure();
	await handle.close();
	return { small, large };
}

/** The list pages measured, with an address each that the fill gives content. */
const listPages = [
	['agenda', '/agenda'],
	['positions', '/standpunten'],
	['municipality', '/gemeenten/leiden'],
	['interviews', '/inventarisatie'],
	['start page', '/']
] as const;

/** CPU time the process has used so far (user + system, all threads), in ms; /proc counts in ticks of 10 ms. */
function cpuMs(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The times of `REQUESTS` GETs (the n-th at `address(n)`) and the server's CPU time per request. */
async function measured(pid: number, address: (n: number) => string, cookie: string) {
	const before = cpuMs(pid);
	const times = await timedGets(address, { cookie }, REQUESTS, CONCURRENCY);
	return { times, cpu: (cpuMs(pid) - before) / REQUESTS };
}

/** One person typing at the end of an item's description, a keystroke every 100 ms, until the returned stop is called. */
async function startTyping(base: string, cookie: string): Promise<() => Promise<void>> {
	const agenda = await (await fetch(`${base}/agenda`, { headers: { cookie } })).text();
	const itemId = /\/agenda\/([0-9a-f-]{36})/.exec(agenda)?.[1];
	if (!itemId) throw new Error('typing: no item on the agenda');
	const editor = await (await connectorFor('portal', { url: base, cookies: [cookie], itemId }))(0);
	await editor.synced;
	const Y = await import('yjs');
	const fragment = editor.doc.getXmlFragment('description');
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [new Y.XmlText()]);
	fragment.insert(0, [paragraph]);
	const text = paragraph.get(0) as InstanceType<typeof Y.XmlText>;
	const timer = setInterval(() => text.insert(text.length, 'a'), 100);
	return async () => {
		clearInterval(timer);
		await editor.close();
	};
}

const row = (label: string, { times, cpu }: { times: number[]; cpu: number }) =>
	`  ${label.padEnd(26)} p50 ${percentile(times, 50).toFixed(1).padStart(7)}  p95 ${percentile(times, 95).toFixed(1).padStart(7)}  p99 ${percentile(times, 99).toFixed(1).padStart(7)} ms   server CPU ${cpu.toFixed(1).padStart(5)} ms/request`;

async function main() {
	await withFilledPortal(
		'agenda',
		async (db) => void (await fill(db, ITEMS)),
		async (base, database, pid) => {
			const cookie = await loginCookie(base, demoAccounts[1].email, DEMO_PASSWORD);
			console.log(
				`list pages, ${ITEMS} items, ${CONCURRENCY} concurrent, ${REQUESTS} requests per case (production build, ${database}, load average ${loadavg()[0].toFixed(1)})`
			);
			for (const [name, path] of listPages) {
				const join = path.includes('?') ? '&' : '?';
				await timedGets(`${base}${path}`, { cookie }, CONCURRENCY, CONCURRENCY); // warm-up
				const again = await measured(pid, () => `${base}${path}`, cookie);
				// A new address each time (an unknown parameter, ignored by the page): rendered in full.
				const fresh = await measured(pid, (n) => `${base}${path}${join}n=${n}-${Date.now()}`, cookie);
				console.log(`${name} (${path})`);
				console.log(row('asked again', again));
				if (TYPING) {
					const stop = await startTyping(base, cookie);
					console.log(row('asked again, one typing', await measured(pid, () => `${base}${path}`, cookie)));
					await stop();
				}
				console.log(row('new address (baseline)', fresh));
				console.log(`  ratio p95 ${(percentile(again.times, 95) / percentile(fresh.times, 95)).toFixed(2)}  (aim: p95 ≤ 100 ms, ≤ 4 ms of server work)`);
			}
			const q = await queriesPerOverview();
			console.log(`SQL queries per overview: ${q.small} at 50 items, ${q.large} at 500 items (ratio ${(q.large / q.small).toFixed(2)})`);
			console.log('each item: 5 participants, 5 positions, 2 comments');
		}
	);
}

await main();
