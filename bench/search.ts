// `npm run bench:search`: the search page (`GET /zoeken?q=…`, a klankbordgroep member of Leiden) on the real
// production server with the embedded database holding 10,000 items and 50,000 comments (one in ten internal,
// of a municipality), their words drawn by Zipf's law from a ranked Dutch vocabulary. Baseline in the same run: the same page without
// a question (all of the page but the search). Per page p50/p95/p99 and max, one request at a time and under 25
// concurrent requests; the aim is a two-word question's p95 under load at most 50 ms. The rows are written in
// bulk SQL, not through the commands: what is measured is the reading, and PostgreSQL computes each row's search
// text itself as it is stored. Options: --items N (10000), --comments N (50000), --concurrency N (25),
// --requests N (500), --baseline N (50), --postgres URL (a new database on that server instead of the embedded one), --in-process (only the search
// in process, with the time of each kind: no build, no server).
import { eq, sql } from 'drizzle-orm';
import { users } from '../src/lib/server/db/schema';
import { loadActor } from '../src/lib/server/modules/users';
import { search } from '../src/lib/server/modules/search';
import { searchFromParams, searchKinds } from '../src/lib/validation/search';
import { createDb } from '../src/lib/server/db';
import { seedIfEmpty } from '../src/lib/server/seed';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../src/lib/server/seed/demo-accounts';
import { numberArg, figures, figuresLine } from './lib/measure';
import { benchDatabase, loginCookie, timedGets, withFilledPortal, type BenchDb } from './lib/portal';

const arg = numberArg;
const ITEMS = arg('items', 10_000);
const COMMENTS = arg('comments', 50_000);
const CONCURRENCY = arg('concurrency', 25);
const REQUESTS = arg('requests', 500);
const BASELINE = arg('baseline', 50);
const POSTGRES = process.argv.includes('--postgres') ? process.argv[process.argv.indexOf('--postgres') + 1] : null;
const DATABASE = POSTGRES ? 'PostgreSQL' : 'PGlite';

/** Words of the region's work, ranked after the common words: each is in a few percent of the texts. */
const vocabulary = [
	'woningbouw',
	'woningen',
	'bereikbaarheid',
	'fietsroutes',
	'energietransitie',
	'warmtenet',
	'jeugdzorg',
	'arbeidsmarkt',
	'onderwijs',
	'bedrijventerreinen',
	'groen',
	'recreatie',
	'klimaatadaptatie',
	'wateroverlast',
	'mobiliteit',
	'openbaar',
	'vervoer',
	'zorg',
	'ouderen',
	'statushouders',
	'huisvesting',
	'cultuur',
	'erfgoed',
	'toerisme',
	'economie',
	'innovatie',
	'digitalisering',
	'veiligheid',
	'ondermijning',
	'armoede',
	'schulden',
	'sport',
	'gezondheid',
	'regionale',
	'samenwerking',
	'coördinatie',
	'financiering',
	'subsidie',
	'gemeenteraad',
	'college',
	'participatie',
	'inwoners'
];

/** Common Dutch words: most of any text, and stop words of the `dutch` configuration (not indexed). */
const common = 'de het een en van in op voor met te aan is dat die zijn wordt door bij om ook als naar niet meer nog over tot uit worden kan'.split(' ');
/** A long tail of rare words (made of Dutch-looking syllables), as every real text has. */
const tail = (() => {
	const a = ['ka', 'lo', 'ver', 'sten', 'bo', 'ri', 'de', 'mar', 'ge', 'hol'];
	const b = ['ren', 'del', 'wijk', 'hof', 'lan', 'sel', 'burg', 'dam', 'veld', 'taal'];
	const c = ['ing', 'heid', 'tje', 'en', 'er', 'ster', 'schap', 'lijk', 'baar', 'plan'];
	const out: string[] = [];
	for (const x of a) for (const y of b) for (const z of c) for (const w of ['', 'a', 'o']) out.push(x + y + w + z);
	return out;
})();
/** By rank: common words first, the region's words next, the tail last; texts draw ranks by Zipf's law. */
const ranked = [...common, ...vocabulary, ...tail];

/**
 * Fills the tables with generated texts in bulk (one statement per table). A word of rank r is drawn with a
 * chance proportional to 1/r (Zipf's law, as in real text), so a region's word is in a few percent of the
 * comments and two of them together in a fraction of a percent, not in half of everything.
 */
async function fill(db: BenchDb) {
	const words = sql.raw(`array[${ranked.map((w) => `'${w}'`).join(',')}]`);
	// A text of `n` words drawn by `seed`, deterministic so two runs measure the same data: rank floor(N^u) with
	// u uniform in [0, 1) is distributed as 1/r.
	const pick = (seed: string, n: number) =>
		sql.raw(
			`(select string_agg(w[least(${ranked.length}, floor(power(${ranked.length}, (abs(hashtext((${seed})::text || ':' || k)) % 1000000) / 1000000.0))::int)], ' ') from generate_series(1, ${n}) k)`
		);
	await db.execute(sql`
		with v as (select ${words} as w)
		insert into agenda_items (ambition_id, title, summary, description_text, horizon, tags)
		select 1 + (i % 7), 'Activiteit ' || i || ' ' || ${pick("'t' || i", 3)}, ${pick("'s' || i", 12)}, ${pick("'d' || i", 60)},
			case when i % 2 = 0 then 'voor_verkiezingen' else 'na_verkiezingen' end, array['bench']
		from v, generate_series(1, ${ITEMS}) i`);
	await db.execute(sql`
		with v as (select ${words} as w),
		items as (select id, row_number() over (order by id) as n from agenda_items),
		authors as (select id from users order by email limit 1)
		insert into comments (id, item_id, author_id, body, visibility, municipality_id, seq)
		select gen_random_uuid(), items.id, authors.id, ${pick("'c' || c", 20)},
			case when c % 10 = 0 then 'internal' else 'shared' end,
			case when c % 10 = 0 then (array['leiden','leiderdorp','oegstgeest','voorschoten','zoeterwoude'])[1 + (c / 10) % 5] end,
			1 + c / ${ITEMS}
		from v, authors, generate_series(0, ${COMMENTS - 1}) c join items on items.n = 1 + (c % ${ITEMS})`);
}

const line = figuresLine;

async function measure(base: string, page: string, cookie: string) {
	const probe = await fetch(`${base}${page}`, { headers: { cookie } });
	const body = await probe.text();
	if (probe.status !== 200) throw new Error(`GET ${page} answered ${probe.status}`);
	await timedGets(`${base}${page}`, { cookie }, Math.min(REQUESTS, 100), CONCURRENCY); // warm-up
	const single = figures(await timedGets(`${base}${page}`, { cookie }, BASELINE, 1));
	const loaded = figures(await timedGets(`${base}${page}`, { cookie }, REQUESTS, CONCURRENCY));
	return { page, found: body.match(/(\d+) resultaten/)?.[1] ?? '0', single, loaded };
}

const QUESTIONS = ['woningbouw regionale', 'warmtenet', 'coordinatie jeugd'];

/**
 * The n-th of the two-word questions made of two different words of the region (1,722 in all), in a scrambled
 * order: a run of different questions that no earlier answer serves (the search keeps answers until the next write).
 */
function distinctQuestion(n: number): string {
	const pairs = vocabulary.length * (vocabulary.length - 1);
	const k = (n * 7919) % pairs;
	const a = Math.floor(k / (vocabulary.length - 1));
	const b = k % (vocabulary.length - 1);
	return `${vocabulary[a]} ${vocabulary[b >= a ? b + 1 : b]}`;
}

/** Times `ask` (one search, its milliseconds) BASELINE times one at a time, then REQUESTS times CONCURRENCY at once. */
async function timeSearches(label: string, ask: () => Promise<number>) {
	const single: number[] = [];
	for (let i = 0; i < BASELINE; i++) single.push(await ask());
	const loaded: number[] = [];
	for (let round = 0; round < REQUESTS / CONCURRENCY; round++) loaded.push(...(await Promise.all(Array.from({ length: CONCURRENCY }, ask))));
	console.log(`${label} in process, ${DATABASE}`);
	console.log(`  1 at a time   ${line(figures(single))}`);
	console.log(`  ${String(CONCURRENCY).padEnd(2)} at once    ${line(figures(loaded))}`);
}

/** The search itself, in process on the filled database (no page around it): one at a time and 25 at once. */
async function measureInProcess(db: BenchDb) {
	const [user] = await db
		.select()
		.from(users)
		.where(eq(users.email, `klankbord.leiden@${DEMO_DOMAIN}`));
	const actor = await loadActor(db, user);
	const timed = async (q: string) => {
		const request = searchFromParams(new URLSearchParams({ q }));
		const t = performance.now();
		await search(db, actor, request);
		return performance.now() - t;
	};
	for (const q of QUESTIONS) {
		for (let i = 0; i < 10; i++) await timed(q); // warm-up
		await timeSearches(`search('${q}')`, () => timed(q));
		await profileKinds(db, actor, q);
	}
	// Different questions: what a question costs when no answer given before serves it.
	let n = 0;
	await timeSearches('a different two-word question each time,', () => timed(distinctQuestion(n++)));
}

/**
 * Where a question's time goes: each kind on its own (`soort=…`, so with up to 50 results and passages), each call
 * with a date filter of its own far ahead (no match left out), so that no answer given before serves it.
 */
async function profileKinds(db: BenchDb, actor: Awaited<ReturnType<typeof loadActor>>, q: string) {
	const parts: string[] = [];
	for (const soort of searchKinds) {
		const times: number[] = [];
		for (let i = 0; i < 12; i++) {
			const request = searchFromParams(new URLSearchParams({ q, soort, tot: `2100-01-${String(i + 1).padStart(2, '0')}` }));
			const t = performance.now();
			await search(db, actor, request);
			if (i >= 2) times.push(performance.now() - t);
		}
		parts.push(`${soort} ${figures(times).p50.toFixed(1)}`);
	}
	console.log(`  per kind, p50 ms: ${parts.join(', ')}`);
}

if (process.argv.includes('--in-process')) {
	// Only the search in process: no build, no server (quicker, and what a change to the SQL needs).
	const dir = mkdtempSync(path.join(tmpdir(), 'rp-bench-search-'));
	const pg = POSTGRES ? await benchDatabase(POSTGRES, 'search') : null;
	const handle = await createDb(pg ? { url: pg.url } : { dataDir: path.join(dir, 'pglite') });
	try {
		await handle.migrate();
		await seedIfEmpty(handle.db, { demo: true });
		const started = performance.now();
		await fill(handle.db);
		console.log(`filled ${ITEMS} items and ${COMMENTS} comments in ${((performance.now() - started) / 1000).toFixed(0)} s`);
		await measureInProcess(handle.db);
	} finally {
		await handle.close();
		await pg?.drop();
		rmSync(dir, { recursive: true, force: true });
	}
	process.exit(0);
}

await withFilledPortal(
	'search',
	async (db) => {
		const started = performance.now();
		await fill(db);
		console.log(`filled ${ITEMS} items and ${COMMENTS} comments in ${((performance.now() - started) / 1000).toFixed(0)} s`);
		await measureInProcess(db);
	},
	async (base) => {
		const cookie = await loginCookie(base, `klankbord.leiden@${DEMO_DOMAIN}`, DEMO_PASSWORD);
		const results = [];
		for (const page of ['/zoeken', ...QUESTIONS.map((q) => `/zoeken?q=${encodeURIComponent(q)}`)]) results.push(await measure(base, page, cookie));
		console.log(
			`\n${ITEMS} items, ${COMMENTS} comments; ${REQUESTS} requests at ${CONCURRENCY} concurrent and ${BASELINE} one at a time (production build, ${DATABASE})`
		);
		for (const r of results) {
			console.log(`GET ${r.page}${r.page === '/zoeken' ? ' (baseline: the page without a question)' : ` (${r.found} results)`}`);
			console.log(`  1 at a time   ${line(r.single)}`);
			console.log(`  ${String(CONCURRENCY).padEnd(2)} concurrent ${line(r.loaded)}`);
		}
		const fresh = (n: number) => `${base}/zoeken?q=${encodeURIComponent(distinctQuestion(n))}`;
		const single = figures(await timedGets(fresh, { cookie }, BASELINE, 1));
		const loaded = figures(await timedGets((n) => fresh(BASELINE + n), { cookie }, REQUESTS, CONCURRENCY));
		console.log('GET /zoeken?q=… a different two-word question each time');
		console.log(`  1 at a time   ${line(single)}`);
		console.log(`  ${String(CONCURRENCY).padEnd(2)} concurrent ${line(loaded)}`);
		const worst = Math.max(...results.slice(1).map((r) => r.loaded.p95));
		console.log(`worst question's p95 under load: ${worst.toFixed(1)} ms (aim: at most 50 ms) ${worst <= 50 ? 'met' : 'NOT met'}`);
		console.log(`different questions' p95 under load: ${loaded.p95.toFixed(1)} ms (aim: at most 50 ms) ${loaded.p95 <= 50 ? 'met' : 'NOT met'}`);
	}
);
