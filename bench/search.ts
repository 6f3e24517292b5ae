// `npm run bench:search`: the search page (`GET /zoeken?q=…`, a klankbordgroep member of Leiden) on the real
// production server with the embedded database holding 10,000 items and 50,000 comments (one in ten internal,
// of a municipality), their texts drawn from a Dutch vocabulary. Baseline in the same run: the same page without
// a question (all of the page but the search). Per page p50/p95/p99 and max, one request at a time and under 25
// concurrent requests; the aim is a two-word question's p95 under load at most 50 ms. The rows are written in
// bulk SQL, not through the commands: what is measured is the reading, and PostgreSQL computes each row's search
// text itself as it is stored. Options: --items N (10000), --comments N (50000), --concurrency N (25),
// --requests N (500), --baseline N (50).
import { eq, sql } from 'drizzle-orm';
import { users } from '../src/lib/server/db/schema';
import { loadActor } from '../src/lib/server/modules/users';
import { search } from '../src/lib/server/modules/search';
import { searchFromParams } from '../src/lib/validation/search';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../src/lib/server/seed/demo-accounts';
import { numberArg, figures, figuresLine } from './lib/measure';
import { loginCookie, timedGets, withFilledPortal, type BenchDb } from './lib/portal';

const arg = numberArg;
const ITEMS = arg('items', 10_000);
const COMMENTS = arg('comments', 50_000);
const CONCURRENCY = arg('concurrency', 25);
const REQUESTS = arg('requests', 500);
const BASELINE = arg('baseline', 50);

/** Words of the region's work; each text takes a few, so any two-word question finds some but not all. */
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

/** Fills the tables with generated texts in bulk (one statement per table). */
async function fill(db: BenchDb) {
	const words = sql.raw(`array[${vocabulary.map((w) => `'${w}'`).join(',')}]`);
	// A text of `n` words picked by `seed`, deterministic so two runs measure the same data.
	const pick = (seed: string, n: number) =>
		sql.raw(`(select string_agg(w[1 + ((${seed} * 7919 + k * 104729) % ${vocabulary.length})], ' ') from generate_series(1, ${n}) k)`);
	await db.execute(sql`
		with v as (select ${words} as w)
		insert into agenda_items (ambition_id, title, summary, description_text, horizon, tags)
		select 1 + (i % 7), 'Activiteit ' || i || ' ' || ${pick('i', 3)}, ${pick('i + 1', 12)}, ${pick('i + 2', 60)},
			case when i % 2 = 0 then 'voor_verkiezingen' else 'na_verkiezingen' end, array['bench']
		from v, generate_series(1, ${ITEMS}) i`);
	await db.execute(sql`
		with v as (select ${words} as w),
		items as (select id, row_number() over (order by id) as n from agenda_items),
		authors as (select id from users order by email limit 1)
		insert into comments (id, item_id, author_id, body, visibility, municipality_id, seq)
		select gen_random_uuid(), items.id, authors.id, ${pick('c', 20)},
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

/** The search itself, in process on the filled database (no page around it): one at a time and 25 at once. */
async function measureInProcess(db: BenchDb) {
	const [user] = await db
		.select()
		.from(users)
		.where(eq(users.email, `klankbord.leiden@${DEMO_DOMAIN}`));
	const actor = await loadActor(db, user);
	for (const q of QUESTIONS) {
		const request = searchFromParams(new URLSearchParams({ q }));
		const once = async () => {
			const t = performance.now();
			await search(db, actor, request);
			return performance.now() - t;
		};
		for (let i = 0; i < 10; i++) await once(); // warm-up
		const single: number[] = [];
		for (let i = 0; i < BASELINE; i++) single.push(await once());
		const loaded: number[] = [];
		for (let round = 0; round < REQUESTS / CONCURRENCY; round++) loaded.push(...(await Promise.all(Array.from({ length: CONCURRENCY }, once))));
		console.log(`search('${q}') in process, embedded database`);
		console.log(`  1 at a time   ${line(figures(single))}`);
		console.log(`  ${String(CONCURRENCY).padEnd(2)} at once    ${line(figures(loaded))}`);
	}
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
			`\n${ITEMS} items, ${COMMENTS} comments; ${REQUESTS} requests at ${CONCURRENCY} concurrent and ${BASELINE} one at a time (production build, PGlite)`
		);
		for (const r of results) {
			console.log(`GET ${r.page}${r.page === '/zoeken' ? ' (baseline: the page without a question)' : ` (${r.found} results)`}`);
			console.log(`  1 at a time   ${line(r.single)}`);
			console.log(`  ${String(CONCURRENCY).padEnd(2)} concurrent ${line(r.loaded)}`);
		}
		const worst = Math.max(...results.slice(1).map((r) => r.loaded.p95));
		console.log(`worst question's p95 under load: ${worst.toFixed(1)} ms (aim: at most 50 ms) ${worst <= 50 ? 'met' : 'NOT met'}`);
	}
);
