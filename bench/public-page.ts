// `npm run bench:public-page`: the public agenda page (`GET /openbaar`, anonymous) against the signed-in
// overview (`GET /agenda`, the verkenner) in the same run, on the real production server with the embedded
// database filled with 500 adopted items (vastgesteld or in uitvoering, with participants, positions, five
// college decisions each, council decisions and progress) through the real use cases. Per page: p50/p95/p99
// and max, one request at a time and under 25 concurrent requests, and the ratio signed-in / public (the aim:
// the public page at least 5× faster, as it can be cached). A page that does not answer 200 is reported, not
// measured. Options: --items N (500), --concurrency N (25), --requests N (500), --baseline N (50),
// --public PATH (/openbaar: where the public agenda page is).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../src/lib/server/seed/demo-accounts';
import { transitionItem } from '../src/lib/server/modules/agenda-items';
import { frozenVersion, recordCouncilDecision, recordSignOff, reportProgress, setPosition } from '../src/lib/server/modules/decisions';
import { commentRate, postComment } from '../src/lib/server/modules/comments';
import { loadActor } from '../src/lib/server/modules/users';
import type { AuthSession } from '../src/lib/server/auth/auth-session';
import { agendaItems, users } from '../src/lib/server/db/schema';
import { todayInNl } from '../src/lib/validation/decisions';
import { numberArg, figures, figuresLine } from './lib/measure';
import { benchOrigin as origin, createBenchItem, loginCookie, municipalities, timedGets, withFilledPortal, type BenchDb } from './lib/portal';

const arg = numberArg;
const ITEMS = arg('items', 500);
const CONCURRENCY = arg('concurrency', 25);
const REQUESTS = arg('requests', 500);
const BASELINE = arg('baseline', 50);
/** The public page's address (should the public site put its agenda elsewhere). */
const PUBLIC_PATH = process.argv.includes('--public') ? process.argv[process.argv.indexOf('--public') + 1] : '/openbaar';
const positions = ['steunt', 'steunt', 'neutraal', 'steunt_onder_voorwaarden', 'steunt'] as const;

const actorFor = async (db: BenchDb, local: string) =>
	loadActor(
		db,
		(
			await db
				.select()
				.from(users)
				.where(eq(users.email, `${local}@${DEMO_DOMAIN}`))
		)[0]
	);
/** The college members sign with a second factor confirmed just now (the use case only looks at that moment). */
const confirmed = () => ({ twoFactorVerifiedAt: new Date() }) as AuthSession;

/**
 * Fills a database with `n` adopted items through the real use cases, as the portal gets them: created with five
 * participants, five positions (some shared publicly) and two comments, readied, signed by the five colleges
 * (then vastgesteld), two councils' decisions; every other item moved on to in uitvoering with progress.
 */
async function fill(db: BenchDb, n: number) {
	commentRate.perMinute = Number.MAX_SAFE_INTEGER; // the bench writes far faster than a person may
	const verkenner = await actorFor(db, 'verkenner');
	const of = (role: string) => Promise.all(municipalities.map((m) => actorFor(db, `${role}.${m}`)));
	const [members, colleges, griffies] = await Promise.all([of('klankbord'), of('college'), of('griffie')]);
	const today = todayInNl();
	for (let i = 0; i < n; i++) {
		const itemId = await createBenchItem(db, verkenner, i);
		for (const [k, member] of members.entries()) {
			const position = positions[(i + k) % 5];
			const conditions = position === 'steunt_onder_voorwaarden' ? ['Evaluatie na een jaar'] : [];
			await setPosition(
				db,
				member,
				{ itemId, municipalityId: municipalities[k], position, reasons: 'Past bij de regionale opgave.', conditions, sharedPublicly: (i + k) % 2 === 0 },
				origin
			);
		}
		for (const body of ['Goed voorstel.', 'Graag de kosten per gemeente erbij.'])
			await postComment(db, members[i % 5], { id: randomUUID(), itemId, body }, origin);
		await transitionItem(db, verkenner, { itemId, from: 'concept', to: 'in_bespreking' }, origin);
		await transitionItem(db, verkenner, { itemId, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' }, origin);
		const frozen = (await frozenVersion(db, itemId))!;
		for (const [k, college] of colleges.entries()) {
			const municipalityId = municipalities[k];
			const signed = { itemId, municipalityId, versionNumber: frozen.number, contentHash: frozen.contentHash, decision: 'akkoord' };
			await recordSignOff(db, college, confirmed(), { ...signed, meetingDate: today, kenmerk: `Z/${i}/${municipalityId}` }, origin);
		}
		for (const k of [i % 5, (i + 2) % 5]) {
			const council = { itemId, municipalityId: municipalities[k], meetingDate: today, outcome: 'ingestemd', kenmerk: `R/${i}/${k}` };
			await recordCouncilDecision(db, griffies[k], council, origin);
		}
		if (i % 2) {
			await transitionItem(db, verkenner, { itemId, from: 'vastgesteld', to: 'in_uitvoering' }, origin);
			await reportProgress(db, verkenner, { itemId, percent: (i * 7) % 100, note: 'Op schema' }, origin);
		}
		if ((i + 1) % 100 === 0) console.log(`  ${i + 1} of ${n} items adopted`);
	}
}

const line = figuresLine;

/** One page: what it answers first; when 200, warm-up, then one at a time and under load. */
async function measure(base: string, page: string, headers: Record<string, string>) {
	const probe = await fetch(`${base}${page}`, { headers, redirect: 'manual' });
	const bytes = (await probe.text()).length;
	if (probe.status !== 200) return { page, status: probe.status, bytes, cacheControl: probe.headers.get('cache-control') };
	await timedGets(`${base}${page}`, headers, Math.min(REQUESTS, 100), CONCURRENCY); // warm-up
	const single = figures(await timedGets(`${base}${page}`, headers, BASELINE, 1));
	const loaded = figures(await timedGets(`${base}${page}`, headers, REQUESTS, CONCURRENCY));
	return { page, status: 200, bytes, cacheControl: probe.headers.get('cache-control'), single, loaded };
}

async function main() {
	await withFilledPortal(
		'public',
		async (db) => {
			const filling = performance.now();
			await fill(db, ITEMS);
			const statuses = await db.select({ status: agendaItems.status, n: count() }).from(agendaItems).groupBy(agendaItems.status);
			const by = statuses.map((r) => `${r.status} ${r.n}`).join(', ');
			console.log(`filled ${ITEMS} adopted items in ${((performance.now() - filling) / 1000).toFixed(0)} s; items by status: ${by}`);
		},
		async (base) => {
			const signedIn = await measure(base, '/agenda', { cookie: await loginCookie(base, `verkenner@${DEMO_DOMAIN}`, DEMO_PASSWORD) });
			const anonymous = await measure(base, PUBLIC_PATH, {});
			console.log(
				`\n${ITEMS} adopted items, ${REQUESTS} requests at ${CONCURRENCY} concurrent and ${BASELINE} one at a time (server-rendered, production build, PGlite)`
			);
			for (const r of [anonymous, signedIn]) {
				const who = r.page === PUBLIC_PATH ? 'public page, anonymous' : 'overview, signed in';
				if (!('loaded' in r) || !r.loaded || !r.single) {
					console.log(`GET ${r.page} (${who}): answered ${r.status}, not measured — this build has no such page yet`);
					continue;
				}
				console.log(`GET ${r.page} (${who}), ${r.bytes} characters, Cache-Control: ${r.cacheControl ?? '—'}`);
				console.log(`  1 at a time   ${line(r.single)}`);
				console.log(`  ${String(CONCURRENCY).padEnd(2)} concurrent ${line(r.loaded)}`);
			}
			const ratio = 'loaded' in anonymous && anonymous.loaded && 'loaded' in signedIn && signedIn.loaded ? signedIn.loaded.p95 / anonymous.loaded.p95 : null;
			if (ratio !== null) console.log(`ratio signed-in / public at p95 under load: ${ratio.toFixed(1)}× (aim: at least 5×) ${ratio >= 5 ? 'met' : 'NOT met'}`);
			const root = path.resolve(import.meta.dirname, '..');
			mkdirSync(path.join(root, 'bench/results'), { recursive: true });
			const date = new Date().toISOString();
			const file = path.join(root, 'bench/results', `public-page-${date.replace(/[:.]/g, '-')}.json`);
			writeFileSync(
				file,
				JSON.stringify({ date, items: ITEMS, concurrency: CONCURRENCY, requests: REQUESTS, baseline: BASELINE, signedIn, anonymous, ratio }, null, 2)
			);
			console.log(`results: ${path.relative(root, file)}`);
		}
	);
}

await main();
