/**
 * The open data as an anonymous visitor sees it, on the demo data: every documented open-data operation
 * answers what the OpenAPI document says (validated), with the licence, CORS-free handlers (CORS is the
 * handle's, tested in open-data-handle), ETag and 304; filters ignore unknown values; page sizes are clamped;
 * an id that is not public is the same 404 as an unknown one; the CSV, Atom and iCalendar files are well formed.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, not, or, isNotNull, inArray } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { conformance, contract, HTTP_METHODS } from '../../fixtures/openapi';
import { anonymousGet, ORIGIN } from '../../fixtures/open-data';
import { agendaItems } from '../../../src/lib/server/db/schema';
import { seedDemoAgenda } from '../../../src/lib/server/seed/demo-agenda';
import { seedDemoMeetings } from '../../../src/lib/server/seed/demo-meetings';
import { guardHandle } from '../../../src/lib/server/http/guard-handle';

let t: TestDb;
let publicIds: string[];
let hiddenIds: string[];
const answered = new Set<string>();

beforeAll(async () => {
	t = await testDb({ demo: true });
	await seedDemoAgenda(t.db);
	await seedDemoMeetings(t.db);
	const isPublic = or(inArray(agendaItems.status, ['vastgesteld', 'in_uitvoering', 'afgerond']), isNotNull(agendaItems.publicSince))!;
	publicIds = (await t.db.select({ id: agendaItems.id }).from(agendaItems).where(isPublic)).map((r) => r.id);
	hiddenIds = (await t.db.select({ id: agendaItems.id }).from(agendaItems).where(not(isPublic))).map((r) => r.id);
}, 180_000);
afterAll(() => destroy(t));

/** GET as nobody, validated against the document; the body parsed when JSON, else its text. */
async function get(template: string, params: Record<string, string> = {}, query = '', headers: Record<string, string> = {}) {
	const res = await anonymousGet(t.db, template, params, query, headers);
	const type = res.headers.get('content-type') ?? '';
	const text = res.status === 304 ? '' : await res.text();
	const body = type.startsWith('application/json') ? JSON.parse(text) : text;
	answered.add(`GET ${template} ${res.status}`);
	if (res.status !== 304) expect(conformance(template, 'get', res.status, type, body)).toEqual([]);
	return { res, status: res.status, body, text, type };
}

describe('the open data, anonymously', () => {
	it('is public: the guard lets every open-data path through without a login', async () => {
		for (const template of Object.keys(contract.paths).filter((p) => p.startsWith('/api/open/'))) {
			const url = new URL(template.replace(/\{\w+\}/g, publicIds[0]), ORIGIN);
			const res = await guardHandle({ event: { url, locals: { authStage: null } } as never, resolve: () => new Response('route reached') });
			expect(await res.text(), template).toBe('route reached');
		}
	});

	it('lists the public items only, with the licence, stable ids and canonical URLs', async () => {
		expect(publicIds.length).toBeGreaterThan(1);
		expect(hiddenIds.length).toBeGreaterThan(0);
		const { body, res } = await get('/api/open/v1/items');
		expect(body.licence).toEqual({ id: 'CC0-1.0', name: expect.any(String), url: 'https://creativecommons.org/publicdomain/zero/1.0/' });
		expect(res.headers.get('link')).toBe('<https://creativecommons.org/publicdomain/zero/1.0/>; rel="license"');
		expect(res.headers.get('cache-control')).toBe('public, max-age=60');
		expect(body.items.map((i: { id: string }) => i.id).sort()).toEqual([...publicIds].sort());
		expect([body.total, body.matching, body.limit, body.offset]).toEqual([publicIds.length, publicIds.length, 100, 0]);
		for (const item of body.items) {
			expect(item.canonicalUrl).toBe(`${ORIGIN}/openbaar/agenda/${item.id}`);
			expect(item.dataUrl).toBe(`${ORIGIN}/api/open/v1/items/${item.id}`);
		}
	});

	it('ignores unknown filter values (the same answer as without), applies known ones, clamps page sizes', async () => {
		const all = (await get('/api/open/v1/items')).body;
		const unknown = (await get('/api/open/v1/items', {}, '?ambitie=99&gemeente=amsterdam&status=onzin&limit=veel&offset=-4')).body;
		expect(unknown.items).toEqual(all.items);
		expect(unknown.filter).toEqual({ ambitie: null, gemeente: null, status: null, q: null });
		expect([unknown.limit, unknown.offset]).toEqual([100, 0]);
		const adopted = (await get('/api/open/v1/items', {}, '?status=vastgesteld')).body;
		expect(adopted.items.length).toBeGreaterThan(0);
		expect(adopted.items.every((i: { status: string }) => i.status === 'vastgesteld')).toBe(true);
		expect(adopted.matching).toBe(adopted.items.length);
		const huge = (await get('/api/open/v1/items', {}, '?limit=100000')).body;
		expect(huge.limit).toBe(500);
		const one = (await get('/api/open/v1/items', {}, '?limit=0&offset=1')).body;
		expect([one.limit, one.offset, one.items.length, one.matching]).toEqual([1, 1, 1, publicIds.length]);
		expect(one.items[0].id).toBe(all.items[1].id);
		const decisions = (await get('/api/open/v1/decisions', {}, '?limit=2&offset=1')).body;
		const allDecisions = (await get('/api/open/v1/decisions', {}, '?limit=9999')).body;
		expect(allDecisions.limit).toBe(500);
		expect(decisions.decisions).toEqual(allDecisions.decisions.slice(1, 3));
	});

	it('answers each public item, its public version and each published session; 404 alike for hidden and unknown ids', async () => {
		for (const id of publicIds) {
			const { body } = await get('/api/open/v1/items/{id}', { id });
			expect(body.item.id).toBe(id);
			if (body.item.text) {
				const v = await get('/api/open/v1/items/{id}/versions/{number}', { id, number: String(body.item.text.versionNumber) });
				expect(v.body.contentHash).toBe(body.item.text.contentHash);
			}
		}
		const refusals = [];
		for (const id of [...hiddenIds, '00000000-0000-4000-8000-000000000000', 'geen-id']) {
			const r = await get('/api/open/v1/items/{id}', { id });
			expect(r.status).toBe(404);
			refusals.push(r.body);
		}
		expect(new Set(refusals.map((b) => JSON.stringify(b))).size).toBe(1);
		expect(refusals[0].code).toBe('public_item_not_found');
		expect((await get('/api/open/v1/items/{id}/versions/{number}', { id: hiddenIds[0], number: '1' })).status).toBe(404);
		const sessions = (await get('/api/open/v1/sessions')).body.sessions;
		expect(sessions.length).toBeGreaterThan(0);
		for (const s of sessions) expect((await get('/api/open/v1/sessions/{id}', { id: s.id })).body.session.id).toBe(s.id);
		expect((await get('/api/open/v1/sessions/{id}', { id: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
	});

	it('answers 304 to If-None-Match with the current ETag, and a new ETag once the public data changed', async () => {
		for (const template of ['/api/open/v1/items', '/api/open/v1/items.csv', '/api/open/v1/feed.atom', '/api/open/v1/calendar.ics', '/api/open/v1/decisions']) {
			const first = await get(template);
			const etag = first.res.headers.get('etag')!;
			expect(etag, template).toMatch(/^"[\w-]+"$/);
			const again = await get(template, {}, '', { 'if-none-match': etag });
			expect(again.status, template).toBe(304);
			expect(again.res.headers.get('etag')).toBe(etag);
			expect((await get(template, {}, '', { 'if-none-match': '"iets-anders"' })).status).toBe(200);
		}
		const before = (await get('/api/open/v1/items')).res.headers.get('etag');
		expect((await get('/api/open/v1/items', {}, '?status=vastgesteld')).res.headers.get('etag')).not.toBe(before);
		await t.db.update(agendaItems).set({ seq: 999 }).where(eq(agendaItems.id, publicIds[0]));
		expect((await get('/api/open/v1/items')).res.headers.get('etag')).not.toBe(before);
	});

	it('gives the items and decisions as CSV: a header, one row per item or decision, RFC 4180 quoting', async () => {
		const items = await get('/api/open/v1/items.csv', {}, '?gemeente=onbekend');
		expect(items.type).toBe('text/csv; charset=utf-8; header=present');
		expect(items.res.headers.get('content-disposition')).toBe('attachment; filename="agendapunten.csv"');
		const lines = items.text.replace(/^\uFEFF/, '').split('\r\n');
		expect(lines[0]).toBe(
			'id,url,title,summary,ambition,status,adopted,horizon,trekker,participants,cost_estimate_cents,start_date,end_date,progress_percent,updated_at'
		);
		expect(lines.at(-1)).toBe('');
		const ids = lines.slice(1, -1).map((l) => l.split(',')[0]);
		expect(ids.sort()).toEqual([...publicIds].sort());
		const decisions = await get('/api/open/v1/decisions.csv');
		const json = (await get('/api/open/v1/decisions', {}, '?limit=500')).body.decisions;
		const rows = decisions.text
			.replace(/^\uFEFF/, '')
			.split('\r\n')
			.slice(1, -1);
		expect(rows.map((r) => r.split(',')[0])).toEqual(json.map((d: { id: string }) => d.id));
	});

	it('gives an Atom feed (RFC 4287) of adopted items and decisions: well-formed, with the required elements and urn:uuid ids', async () => {
		const { text, type } = await get('/api/open/v1/feed.atom');
		expect(type).toBe('application/atom+xml; charset=utf-8');
		expect(XMLValidator.validate(text)).toBe(true);
		const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['entry', 'link'].includes(name) }).parse(text).feed;
		expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
		expect(feed.id).toBe('tag:regioportaal.example.nl,2026:open-data/feed');
		expect(feed.title).toBeTruthy();
		expect(feed.author.name).toBeTruthy();
		expect(feed.rights).toContain('CC0');
		const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
		expect(feed.updated).toMatch(rfc3339);
		expect(feed.link.map((l: Record<string, string>) => l['@_rel']).sort()).toEqual(['alternate', 'license', 'self']);
		const decisions = (await get('/api/open/v1/decisions', {}, '?limit=500')).body.decisions;
		const adopted = (await get('/api/open/v1/items')).body.items.filter((i: { adopted: boolean }) => i.adopted);
		expect(feed.entry).toHaveLength(decisions.length + adopted.length);
		const ids = feed.entry.map((e: { id: string }) => e.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const e of feed.entry) {
			expect(e.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
			expect(e.title).toBeTruthy();
			expect(e.updated).toMatch(rfc3339);
			expect(e.updated <= feed.updated).toBe(true);
			expect(e.link.find((l: Record<string, string>) => l['@_rel'] === 'alternate')['@_href']).toMatch(
				/^https:\/\/regioportaal\.example\.nl\/openbaar\/agenda\//
			);
		}
		expect(ids).toEqual(
			expect.arrayContaining([...decisions.map((d: { id: string }) => `urn:uuid:${d.id}`), ...adopted.map((i: { id: string }) => `urn:uuid:${i.id}`)])
		);
	});

	it('gives an iCalendar file (RFC 5545) of decision dates and published sessions', async () => {
		const { text, type, res } = await get('/api/open/v1/calendar.ics');
		expect(type).toBe('text/calendar; charset=utf-8');
		expect(res.headers.get('content-disposition')).toContain('.ics');
		const lines = text.split('\r\n');
		expect(lines[0]).toBe('BEGIN:VCALENDAR');
		expect(lines).toContain('METHOD:PUBLISH');
		expect(lines.every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
		const unfolded = text.replace(/\r\n[ \t]/g, '');
		const events = unfolded.split('BEGIN:VEVENT').slice(1);
		const decisions = (await get('/api/open/v1/decisions', {}, '?limit=500')).body.decisions;
		const sessions = (await get('/api/open/v1/sessions')).body.sessions;
		expect(events).toHaveLength(decisions.length + sessions.length);
		const uids = events.map((e) => /\r\nUID:([^\r]+)/.exec(e)![1]);
		expect(uids.sort()).toEqual([...decisions.map((d: { id: string }) => d.id), ...sessions.map((s: { id: string }) => s.id)].sort());
		const first = events.find((e) => e.includes(`UID:${decisions[0].id}`))!;
		expect(first).toContain(`DTSTART;VALUE=DATE:${decisions[0].meetingDate.replaceAll('-', '')}`);
	});

	it('called every documented open-data operation with a 200 answer', () => {
		const documented = Object.entries(contract.paths)
			.filter(([p]) => p.startsWith('/api/open/'))
			.flatMap(([p, item]) => HTTP_METHODS.filter((m) => m in item).map((m) => `${m.toUpperCase()} ${p} 200`));
		expect(documented.length).toBe(10);
		expect(documented.filter((d) => !answered.has(d))).toEqual([]);
	});
});
