/**
 * An anonymous caller of every open-data answer (every list, every public item and its version, every
 * published session, both CSV files, the Atom feed, the calendar; with and without filters) never receives an
 * internal comment's text, a confidential interview's notes or participants, a position its municipality did
 * not share, or any e-mail address. The demo data holds all of these, on public items too; the texts are
 * taken from the database, so the test follows the demo story as it changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { anonymousGet, readableText } from '../../fixtures/open-data';
import { comments, interviews, positions, users } from '../../../src/lib/server/db/schema';
import { seedDemoAgenda } from '../../../src/lib/server/seed/demo-agenda';
import { seedDemoMeetings } from '../../../src/lib/server/seed/demo-meetings';

let t: TestDb;
/** Everything an anonymous caller received, as readable text, by address. */
const received = new Map<string, string>();

async function fetchAll(template: string, params: Record<string, string> = {}, query = '') {
	const res = await anonymousGet(t.db, template, params, query);
	const raw = await res.text();
	received.set(`${template} ${JSON.stringify(params)}${query}`, readableText(res.headers.get('content-type') ?? '', raw));
	return { status: res.status, raw };
}

beforeAll(async () => {
	t = await testDb({ demo: true });
	await seedDemoAgenda(t.db);
	await seedDemoMeetings(t.db);
	for (const query of ['', '?status=in_bespreking', '?gemeente=oegstgeest', '?q=woning', '?limit=500']) {
		const list = JSON.parse((await fetchAll('/api/open/v1/items', {}, query)).raw);
		for (const item of list.items) {
			const one = JSON.parse((await fetchAll('/api/open/v1/items/{id}', { id: item.id })).raw);
			if (one.item.text) await fetchAll('/api/open/v1/items/{id}/versions/{number}', { id: item.id, number: String(one.item.text.versionNumber) });
		}
		await fetchAll('/api/open/v1/items.csv', {}, query);
	}
	await fetchAll('/api/open/v1/decisions', {}, '?limit=500');
	await fetchAll('/api/open/v1/decisions.csv');
	const sessions = JSON.parse((await fetchAll('/api/open/v1/sessions')).raw).sessions;
	for (const s of sessions) await fetchAll('/api/open/v1/sessions/{id}', { id: s.id });
	await fetchAll('/api/open/v1/feed.atom');
	await fetchAll('/api/open/v1/calendar.ics');
}, 240_000);
afterAll(() => destroy(t));

/** Where a secret text (or its first 40 characters) shows up in what was received. */
function leaks(secret: string): string[] {
	const probes = [secret.trim(), secret.trim().slice(0, 40)].filter((p) => p.length >= 12);
	return [...received].filter(([, text]) => probes.some((p) => text.includes(p))).map(([where]) => where);
}

describe('the open data leaks nothing internal', () => {
	it('received the public data it should (the test looks at real answers)', () => {
		expect(received.size).toBeGreaterThan(15);
		const all = [...received.values()].join('\n');
		expect(all).toContain('CC0');
		// The shared positions of the public housing item do arrive.
		expect(all).toContain('Leiden kan de woningbouwopgave niet binnen de eigen grenzen realiseren');
	});

	it('no internal comment text (nor any other comment text: comments are never public)', async () => {
		const internal = await t.db.select({ body: comments.body }).from(comments).where(eq(comments.visibility, 'internal'));
		expect(internal.length).toBeGreaterThan(0);
		for (const c of internal) expect(leaks(c.body), c.body).toEqual([]);
		for (const c of await t.db.select({ body: comments.body }).from(comments)) expect(leaks(c.body), c.body).toEqual([]);
	});

	it('no confidential interview: neither its notes nor its participants', async () => {
		const confidential = await t.db.select().from(interviews).where(eq(interviews.visibility, 'vertrouwelijk'));
		expect(confidential.length).toBeGreaterThan(0);
		for (const i of confidential) {
			expect(i.notesText.length).toBeGreaterThan(12);
			for (const paragraph of i.notesText.split(/\n+/)) expect(leaks(paragraph), paragraph).toEqual([]);
			for (const p of i.participants) expect(leaks(p), p).toEqual([]);
		}
	});

	it('no position its municipality did not share: neither its reasons nor its conditions', async () => {
		const unshared = await t.db
			.select()
			.from(positions)
			.where(and(eq(positions.sharedPublicly, false)));
		expect(unshared.filter((p) => p.reasons.length > 12).length).toBeGreaterThan(0);
		for (const p of unshared) for (const text of [p.reasons, ...p.conditions]) expect(leaks(text), text).toEqual([]);
	});

	it('no e-mail address at all (not the demo accounts’, not any)', async () => {
		const emails = (await t.db.select({ email: users.email }).from(users)).map((u) => u.email);
		expect(emails.length).toBeGreaterThan(10);
		for (const [where, text] of received) {
			expect(text.match(/[\w.%+-]+@[\w-]+(\.[\w-]+)+/g) ?? [], where).toEqual([]);
			for (const e of emails) expect(text.includes(e), where).toBe(false);
		}
	});
});
