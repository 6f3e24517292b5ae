/**
 * The one visibility rule of the public site, on the demo data (which holds an internal comment, a
 * confidential interview, positions a municipality did not share, and action points with names): what the
 * public read models give, and the commands that make an item, a position or a session's highlights public.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { agendaItems, auditEvents, comments, interviews, meetings, positions, users } from '../../../src/lib/server/db/schema';
import { seedDemoAgenda } from '../../../src/lib/server/seed/demo-agenda';
import { seedDemoMeetings } from '../../../src/lib/server/seed/demo-meetings';
import { loadActor } from '../../../src/lib/server/modules/users';
import * as publicSite from '../../../src/lib/server/modules/public';
import { setItemPublic } from '../../../src/lib/server/modules/agenda-items';
import { setPosition } from '../../../src/lib/server/modules/decisions';
import { publishHighlights } from '../../../src/lib/server/modules/meetings';
import { ForbiddenError } from '../../../src/lib/server/permissions/errors';
import { DomainError, ValidationError } from '../../../src/lib/server/errors';
import type { Actor } from '../../../src/lib/server/permissions';

let t: TestDb;
const actors = new Map<string, Actor>();
const who = (account: string) => actors.get(account)!;
let items: (typeof agendaItems.$inferSelect)[];
const itemId = (title: string) => items.find((i) => i.title.startsWith(title))!.id;
const origin = { ip: '127.0.0.1', userAgent: 'test' };
const none = publicSite.publicFilterFrom(new URLSearchParams());

beforeAll(async () => {
	t = await testDb({ demo: true });
	await seedDemoAgenda(t.db);
	await seedDemoMeetings(t.db);
	for (const u of await t.db.select().from(users)) actors.set(u.email.split('@')[0], await loadActor(t.db, u));
	items = await t.db.select().from(agendaItems);
}, 120_000);
afterAll(() => destroy(t));

/** Everything the public read models give for the demo data, as one text. */
async function everythingPublic(): Promise<string> {
	const list = await publicSite.listPublicItems(t.db, none);
	const details = await Promise.all(list.items.map((i) => publicSite.getPublicItem(t.db, i.id)));
	const sessions = await publicSite.listPublicMeetings(t.db);
	const highlights = await Promise.all(sessions.map((s) => publicSite.getPublicMeeting(t.db, s.id)));
	const decisions = await publicSite.listPublicDecisions(t.db);
	return JSON.stringify({ list, details, sessions, highlights, decisions });
}

describe('what is public', () => {
	it('lists the adopted items and the one the verkenner made public, nothing else', async () => {
		const list = await publicSite.listPublicItems(t.db, none);
		expect(list.items.map((i) => i.title).sort()).toEqual(
			[
				'Regionale Omgevingsvisie Hart van Holland: bereikbaarheid',
				'Sociaal domein: Voorschoten sluit aan bij de Leidse regio',
				'Versnelling woningbouw in de Leidse regio'
			].sort()
		);
		expect(list.total).toBe(3);
		expect(list.items.find((i) => i.title.startsWith('Versnelling'))).toMatchObject({ adopted: false, status: 'in_bespreking' });
		expect(list.items.find((i) => i.title.startsWith('Sociaal domein'))).toMatchObject({ adopted: true, progressPercent: 35 });
	});

	it('filters by ambition, municipality, status and text; unknown values are ignored; pages are capped', async () => {
		const filtered = (qs: string) => publicSite.listPublicItems(t.db, publicSite.publicFilterFrom(new URLSearchParams(qs)));
		expect((await filtered('status=in_uitvoering')).items.map((i) => i.status)).toEqual(['in_uitvoering']);
		expect((await filtered('q=omgevingsvisie')).items).toHaveLength(1);
		expect((await filtered('gemeente=onbekend&status=niets&ambitie=99')).matching).toBe(3);
		const leiden = await filtered('gemeente=leiden');
		expect(leiden.items.every((i) => i.participants.includes('leiden'))).toBe(true);
		const page = publicSite.publicPageFrom(new URLSearchParams('limit=1000000&offset=1'));
		expect(page).toEqual({ limit: publicSite.PAGE_SIZE_MAX, offset: 1 });
		const paged = await publicSite.listPublicItems(t.db, none, { limit: 1, offset: 1 });
		expect(paged).toMatchObject({ matching: 3, total: 3 });
		expect(paged.items).toHaveLength(1);
	});

	it('shows an adopted item with the text as signed, verifiable, and every decision', async () => {
		const item = await publicSite.getPublicItem(t.db, itemId('Regionale Omgevingsvisie'));
		expect(publicSite.publicItemSchema.parse(item)).toBeTruthy();
		expect(item.text).toMatchObject({ asSigned: true, verified: true });
		expect(item.collegeDecisions).toHaveLength(5);
		expect(new Set(item.collegeDecisions.map((d) => d.versionNumber))).toEqual(new Set([item.text!.versionNumber]));
		expect(item.councilDecisions.map((d) => d.municipalityId)).toEqual(['leiderdorp']);
		const version = await publicSite.getPublicVersion(t.db, item.id, String(item.text!.versionNumber));
		expect(version.contentHash).toBe(item.text!.contentHash);
		await expect(publicSite.getPublicVersion(t.db, item.id, '1')).rejects.toMatchObject({ status: 404 });
		expect(item.costs.shares?.reduce((s, x) => s + x.cents, 0)).toBe(item.costs.totalCents - item.costs.contributions.reduce((s, c) => s + c.amountCents, 0));
	});

	it('shows only the positions a municipality shared', async () => {
		const item = await publicSite.getPublicItem(t.db, itemId('Versnelling woningbouw'));
		expect(item.positions.map((p) => p.municipalityId)).toEqual(['leiden', 'leiderdorp']);
		expect(item.text?.asSigned).toBe(false);
	});

	it('answers 404 alike for an unknown, a malformed and a non-public id', async () => {
		for (const id of [itemId('Ruimte voor de energietransitie'), '00000000-0000-4000-8000-000000000000', 'x', "1' or '1'='1"]) {
			const err = await publicSite.getPublicItem(t.db, id).catch((e) => e);
			expect(err).toBeInstanceOf(DomainError);
			expect(err).toMatchObject({ status: 404, key: 'public_item_not_found' });
		}
	});

	it('publishes a closed session without its action points, its names or its items that are not public', async () => {
		const [session] = await publicSite.listPublicMeetings(t.db);
		const h = await publicSite.getPublicMeeting(t.db, session.id);
		expect(h.municipalitiesPresent).toHaveLength(4);
		const kinds = [...h.items.flatMap((i) => i.minutes), ...h.general].map((m) => m.kind);
		expect(kinds.length).toBeGreaterThan(0);
		expect(kinds).not.toContain('actiepunt');
		const [planned] = await t.db.select().from(meetings).where(eq(meetings.status, 'gepland'));
		await expect(publicSite.getPublicMeeting(t.db, planned.id)).rejects.toMatchObject({ status: 404 });
	});

	it('never gives an internal comment, a confidential interview, an unshared position or an e-mail address', async () => {
		const text = await everythingPublic();
		const internal = await t.db.select().from(comments).where(eq(comments.visibility, 'internal'));
		const confidential = await t.db.select().from(interviews).where(eq(interviews.visibility, 'vertrouwelijk'));
		const unshared = await t.db.select().from(positions).where(eq(positions.sharedPublicly, false));
		expect(internal.length * confidential.length * unshared.length).toBeGreaterThan(0);
		for (const c of internal) expect(text).not.toContain(c.body.slice(0, 60));
		for (const i of confidential) expect(text).not.toContain(i.body.slice(0, 40));
		for (const p of unshared.filter((p) => p.reasons)) expect(text).not.toContain(p.reasons.slice(0, 60));
		expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
		for (const u of await t.db.select().from(users)) expect(text).not.toContain(u.email);
	});
});

describe('making things public', () => {
	it('lets the verkenner publish an item early and take it back, audited; nobody else', async () => {
		const id = itemId('Studenten');
		await expect(setItemPublic(t.db, who('klankbord.leiden'), { itemId: id, public: 'on' }, origin)).rejects.toBeInstanceOf(ForbiddenError);
		const before = await publicSite.publicStamp(t.db);
		await setItemPublic(t.db, who('verkenner'), { itemId: id, public: 'on' }, origin);
		expect(await publicSite.publicStamp(t.db)).not.toBe(before);
		expect((await publicSite.getPublicItem(t.db, id)).publicSince).not.toBeNull();
		await setItemPublic(t.db, who('verkenner'), { itemId: id }, origin);
		await expect(publicSite.getPublicItem(t.db, id)).rejects.toMatchObject({ status: 404 });
		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.objectId, id), eq(auditEvents.action, 'item.publication_changed')));
		expect(audit.map((a) => (a.details as { public: boolean }).public)).toEqual([true, false]);
	});

	it('refuses to take an adopted item off the public site, and bad input, storing nothing', async () => {
		const id = itemId('Regionale Omgevingsvisie');
		await expect(setItemPublic(t.db, who('verkenner'), { itemId: id, public: false }, origin)).rejects.toMatchObject({
			key: 'public_item_adopted_always_public',
			status: 409
		});
		for (const bad of [{ itemId: 'nee' }, {}, null, 'x', { itemId: ['a'], public: { $ne: 1 } }]) {
			await expect(setItemPublic(t.db, who('verkenner'), bad, origin)).rejects.toBeInstanceOf(ValidationError);
		}
	});

	it('shares a position publicly only when its municipality says so', async () => {
		const id = itemId('Versnelling woningbouw');
		await setPosition(
			t.db,
			who('klankbord.oegstgeest'),
			{ itemId: id, municipalityId: 'oegstgeest', position: 'neutraal', reasons: 'Wij wachten af.', sharedPublicly: 'on' },
			origin
		);
		expect((await publicSite.getPublicItem(t.db, id)).positions.map((p) => p.municipalityId)).toContain('oegstgeest');
		await setPosition(
			t.db,
			who('klankbord.oegstgeest'),
			{ itemId: id, municipalityId: 'oegstgeest', position: 'neutraal', reasons: 'Wij wachten af.' },
			origin
		);
		expect((await publicSite.getPublicItem(t.db, id)).positions.map((p) => p.municipalityId)).not.toContain('oegstgeest');
	});

	it('publishes highlights of a closed session only, by the verkenner', async () => {
		const [planned] = await t.db.select().from(meetings).where(eq(meetings.status, 'gepland'));
		await expect(publishHighlights(t.db, who('verkenner'), { meetingId: planned.id, published: true }, origin)).rejects.toMatchObject({
			key: 'public_highlights_not_closed'
		});
		const [closed] = await t.db.select().from(meetings).where(eq(meetings.status, 'afgesloten'));
		await expect(publishHighlights(t.db, who('klankbord.leiden'), { meetingId: closed.id, published: false }, origin)).rejects.toBeInstanceOf(ForbiddenError);
		const state = await publishHighlights(t.db, who('verkenner'), { meetingId: closed.id, published: false }, origin);
		expect(state.highlightsPublishedAt).toBeNull();
		expect(await publicSite.listPublicMeetings(t.db)).toEqual([]);
		await publishHighlights(t.db, who('verkenner'), { meetingId: closed.id, published: true }, origin);
		expect(await publicSite.listPublicMeetings(t.db)).toHaveLength(1);
	});
});
