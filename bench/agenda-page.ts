// `npm run bench:agenda-page`: server-rendering time of the agenda overview with 500 items under 25
// concurrent requests (p50/p95/p99, real production server, embedded database), and the number of SQL
// queries one overview costs at 50 and at 500 items (it must not grow with the number of items).
// Options: --items N (500), --concurrency N (25), --requests N (500).
import { createDb } from '../src/lib/server/db';
import { seedIfEmpty } from '../src/lib/server/seed';
import { demoAccounts, DEMO_PASSWORD } from '../src/lib/server/seed/demo-accounts';
import { listItems } from '../src/lib/server/modules/agenda-items';
import { setPosition } from '../src/lib/server/modules/decisions';
import { postComment, commentRate } from '../src/lib/server/modules/comments';
import { randomUUID } from 'node:crypto';
import { loadActor } from '../src/lib/server/modules/users';
import { users } from '../src/lib/server/db/schema';
import { eq } from 'drizzle-orm';
import { percentile, numberArg } from './lib/measure';
import { createBenchItem, loginCookie, timedGets, withFilledPortal, type BenchDb } from './lib/portal';

const arg = numberArg;
const ITEMS = arg('items', 500);
const CONCURRENCY = arg('concurrency', 25);
const REQUESTS = arg('requests', 500);
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

async function main() {
	await withFilledPortal(
		'agenda',
		async (db) => void (await fill(db, ITEMS)),
		async (base) => {
			const cookie = await loginCookie(base, demoAccounts[1].email, DEMO_PASSWORD);
			await timedGets(`${base}/agenda`, { cookie }, REQUESTS, CONCURRENCY); // warm-up
			const times = await timedGets(`${base}/agenda`, { cookie }, REQUESTS, CONCURRENCY);
			const q = await queriesPerOverview();
			console.log(`agenda overview, ${ITEMS} items, ${CONCURRENCY} concurrent, ${REQUESTS} requests (server-rendered, production build, PGlite)`);
			console.log(
				`  p50 ${percentile(times, 50).toFixed(1)} ms   p95 ${percentile(times, 95).toFixed(1)} ms   p99 ${percentile(times, 99).toFixed(1)} ms   max ${Math.max(...times).toFixed(1)} ms`
			);
			console.log(`SQL queries per overview: ${q.small} at 50 items, ${q.large} at 500 items (ratio ${(q.large / q.small).toFixed(2)})`);
			console.log('each item: 5 participants, 5 positions, 2 comments');
		}
	);
}

await main();
