/**
 * The README's description of the demo data (the block between `<!-- demo-story -->` markers) is a promise to
 * every newcomer: a fresh demo database is seeded as the server does, and every table row and sentence of that
 * block is checked against it, for every demo account.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import {
	agendaItems,
	comments,
	councilDecisions,
	interviews,
	meetingAttendance,
	meetingMinutes,
	positions,
	progressReports,
	signOffs,
	users
} from '../../../src/lib/server/db/schema';
import { seedDemoAgenda } from '../../../src/lib/server/seed/demo-agenda';
import { seedDemoMeetings } from '../../../src/lib/server/seed/demo-meetings';
import { seedDemoRegister } from '../../../src/lib/server/seed/demo-register';
import * as register from '../../../src/lib/server/modules/register';
import { DEMO_DOMAIN, demoAccounts } from '../../../src/lib/server/seed/demo-accounts';
import { isWorkingDay, workingDayFrom } from '../../../src/lib/server/seed/dutch-calendar';
import { loadActor } from '../../../src/lib/server/modules/users';
import { myWork, myWorkCount } from '../../../src/lib/server/modules/my-work';
import { listComments, unreadNotificationCount } from '../../../src/lib/server/modules/comments';
import { listItems } from '../../../src/lib/server/modules/agenda-items';
import { closedHighlights, getMeeting, listMeetings } from '../../../src/lib/server/modules/meetings';
import { filterFromSearchParams } from '../../../src/lib/validation/agenda';
import { todayInNl } from '../../../src/lib/validation/decisions';
import { amsterdamParts } from '../../../src/lib/meetings/time';
import type { Actor } from '../../../src/lib/server/permissions';
import * as publicSite from '../../../src/lib/server/modules/public';

const readme = readFileSync('README.md', 'utf8');
const block = readme.slice(readme.indexOf('<!-- demo-story -->'), readme.indexOf('<!-- /demo-story -->'));
/** Sentences are checked with their line breaks as spaces. */
const prose = block.replace(/\s+/g, ' ');

/** The Markdown table whose first header cell is `first`, as rows keyed by header. */
function table(first: string): Record<string, string>[] {
	const lines = block.split('\n');
	const cells = (l: string) =>
		l
			.slice(1, -1)
			.split('|')
			.map((c) => c.trim());
	const start = lines.findIndex((l) => l.startsWith('|') && cells(l)[0] === first);
	if (start < 0) throw new Error(`README demo-story: no table starting with "${first}"`);
	const header = cells(lines[start]);
	const body = lines.slice(start + 2);
	const end = body.findIndex((l) => !l.startsWith('|'));
	return body.slice(0, end < 0 ? undefined : end).map((line) => Object.fromEntries(header.map((h, i) => [h, cells(line)[i]])));
}
const n = (s: string) => Number(s);
const statusOf = (s: string) => s.replaceAll(' ', '_');

let t: TestDb;
const actors = new Map<string, Actor>();
let items: (typeof agendaItems.$inferSelect)[];
const itemId = (title: string) => items.find((i) => i.title === title)!.id;
const count = (rows: unknown[]) => rows.length;

beforeAll(async () => {
	t = await testDb({ demo: true });
	await seedDemoAgenda(t.db);
	await seedDemoMeetings(t.db);
	await seedDemoRegister(t.db);
	for (const u of await t.db.select().from(users)) actors.set(u.email.split('@')[0], await loadActor(t.db, u));
	items = await t.db.select().from(agendaItems);
}, 120_000);
afterAll(() => destroy(t));

describe('the README promises about the demo data', () => {
	it('lists every agenda item with its status, positions, comments and decisions', async () => {
		const rows = table('item');
		expect(rows.map((r) => r.item).sort()).toEqual(items.map((i) => i.title).sort());
		expect(prose).toContain(`**Agenda items.** ${items.length} items`);
		for (const row of rows) {
			const id = itemId(row.item);
			const facts = {
				status: items.find((i) => i.id === id)!.status,
				positions: count(await t.db.select().from(positions).where(eq(positions.itemId, id))),
				comments: count(
					await t.db
						.select()
						.from(comments)
						.where(and(eq(comments.itemId, id), isNull(comments.deletedAt)))
				),
				college: count(
					await t.db
						.select()
						.from(signOffs)
						.where(and(eq(signOffs.itemId, id), isNull(signOffs.voidedAt)))
				),
				council: count(await t.db.select().from(councilDecisions).where(eq(councilDecisions.itemId, id)))
			};
			expect(facts, row.item).toEqual({
				status: statusOf(row.status),
				positions: n(row.positions),
				comments: n(row.comments),
				college: n(row['college decisions']),
				council: n(row['council decisions'])
			});
		}
	});

	it('gives every item a description of a few paragraphs and a regional value of several sentences', () => {
		expect(prose).toContain('each with a *Beschrijving* of a few paragraphs and a *Regionale meerwaarde*');
		for (const item of items) {
			expect(item.descriptionHtml.match(/<p>/g)?.length ?? 0, item.title).toBeGreaterThanOrEqual(2);
			expect(item.meerwaardeText.split(/[.!?](?:\s|$)/).filter((s) => s.trim()).length, item.title).toBeGreaterThanOrEqual(2);
		}
	});

	it('has the discussion, decisions and progress the README describes', async () => {
		const housing = itemId('Versnelling woningbouw in de Leidse regio');
		expect(prose).toContain(
			"positions of Leiden (steunt), Leiderdorp (steunt onder voorwaarden), Oegstgeest (bezwaar) and Voorschoten (neutraal), Zoeterwoude's still asked for"
		);
		const said = await t.db.select().from(positions).where(eq(positions.itemId, housing));
		expect(Object.fromEntries(said.map((p) => [p.municipalityId, p.position]))).toEqual({
			leiden: 'steunt',
			leiderdorp: 'steunt_onder_voorwaarden',
			oegstgeest: 'bezwaar',
			voorschoten: 'neutraal'
		});
		expect(prose).toContain('a thread with stances, replies, mentions, a comment anchored to a passage of the description and one comment internal to Leiden');
		const thread = await t.db.select().from(comments).where(eq(comments.itemId, housing));
		expect(thread.filter((c) => c.stance).length).toBeGreaterThanOrEqual(2);
		expect(thread.filter((c) => c.parentId).length).toBeGreaterThanOrEqual(2);
		expect(thread.filter((c) => c.mentions.length).length).toBeGreaterThanOrEqual(2);
		expect(thread.filter((c) => c.anchorField === 'description' && c.anchorQuote)).toHaveLength(1);
		expect(thread.filter((c) => c.visibility === 'internal').map((c) => c.municipalityId)).toEqual(['leiden']);

		expect(prose).toContain("waits for Leiden's college: Zoeterwoude and Leiderdorp (with conditions) have decided");
		const energy = await t.db
			.select()
			.from(signOffs)
			.where(and(eq(signOffs.itemId, itemId('Ruimte voor de energietransitie')), isNull(signOffs.voidedAt)));
		expect(Object.fromEntries(energy.map((s) => [s.municipalityId, s.decision]))).toEqual({ zoeterwoude: 'akkoord', leiderdorp: 'akkoord_onder_voorwaarden' });

		expect(prose).toContain("Leiderdorp's council has given its wishes and concerns");
		const council = await t.db
			.select()
			.from(councilDecisions)
			.where(eq(councilDecisions.itemId, itemId('Regionale Omgevingsvisie Hart van Holland: bereikbaarheid')));
		expect(council.map((c) => [c.municipalityId, c.outcome])).toEqual([['leiderdorp', 'wensen_en_bedenkingen']]);

		expect(prose).toContain('is in uitvoering at 35 % progress, with 2 of its 4 milestones done');
		const social = itemId('Sociaal domein: Voorschoten sluit aan bij de Leidse regio');
		const reports = await t.db.select().from(progressReports).where(eq(progressReports.itemId, social));
		expect(reports.map((r) => r.percent)).toEqual([35]);
		const milestones = await t.db.execute<{ done: boolean }>(sql`select done from agenda_item_milestones where item_id = ${social}`);
		const done = ((milestones as unknown as { rows?: { done: boolean }[] }).rows ?? (milestones as unknown as { done: boolean }[])).map((m) => m.done);
		expect([done.length, done.filter(Boolean).length]).toEqual([4, 2]);
	});

	it('has the interviews it names', async () => {
		const rows = await t.db.select().from(interviews);
		const planned = rows.filter((r) => r.heldOn > todayInNl());
		expect(prose).toContain(`${rows.length} inventory interviews of the verkenner with their candidate activities (1 confidential, 1 planned)`);
		expect([rows.filter((r) => r.visibility === 'vertrouwelijk').length, planned.length]).toEqual([1, 1]);
	});

	it('has the sessions it lists, the held one three weeks ago with highlights to download, for every account', async () => {
		const rows = table('session');
		const today = todayInNl();
		for (const [account, actor] of actors) {
			const list = await listMeetings(t.db, actor);
			expect([...list.past, ...list.upcoming].map((m) => m.title).sort(), account).toEqual(rows.map((r) => r.session).sort());
		}
		const verkenner = actors.get('verkenner')!;
		const { past, upcoming } = await listMeetings(t.db, verkenner);
		for (const row of rows) {
			const summary = [...past, ...upcoming].find((m) => m.title === row.session)!;
			const detail = await getMeeting(t.db, verkenner, summary.id);
			const present = await t.db.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, summary.id));
			const minutes = await t.db.select().from(meetingMinutes).where(eq(meetingMinutes.meetingId, summary.id));
			expect(
				{
					status: detail.meeting.status,
					agenda: detail.state.entries.length,
					present: new Set(present.map((p) => p.municipalityId).filter(Boolean)).size,
					minutes: minutes.length,
					actions: minutes.filter((m) => m.kind === 'actiepunt').length,
					invited: detail.invitees.length,
					chair: detail.state.chair?.userId
				},
				row.session
			).toEqual({
				status: row.status,
				agenda: n(row['agenda items']),
				present: n(row['municipalities present']),
				minutes: n(row.minutes),
				actions: n(row['action points']),
				invited: 5,
				chair: verkenner.userId
			});
		}
		expect(prose).toContain('The first was held three weeks ago');
		expect(prose).toContain('The second is two weeks ahead');
		const [held, planned] = [past[0], upcoming[0]];
		expect(amsterdamParts(held.startsAt).date).toBe(workingDayFrom(today, -21));
		expect(amsterdamParts(planned.startsAt).date).toBe(workingDayFrom(today, 14));
		const highlights = await closedHighlights(t.db, actors.get('klankbord.zoeterwoude')!, held.id);
		expect(highlights.attendance.find((a) => a.municipalityId === 'zoeterwoude')?.names).toEqual([]);
		expect(prose).toContain('Zoeterwoude could not come');
	});

	it('makes public what it says, through the public read model', async () => {
		const adopted = ['Regionale Omgevingsvisie Hart van Holland: bereikbaarheid', 'Sociaal domein: Voorschoten sluit aan bij de Leidse regio'];
		const housing = 'Versnelling woningbouw in de Leidse regio';
		expect(prose).toContain(`so the two adopted items are: *${adopted[0]}* and *${adopted[1]}*`);
		expect(prose).toContain(`The verkenner made *${housing}* public early`);
		const list = await publicSite.listPublicItems(t.db, publicSite.publicFilterFrom(new URLSearchParams()));
		expect(list.items.map((i) => i.title).sort()).toEqual([...adopted, housing].sort());
		expect(
			list.items
				.filter((i) => i.adopted)
				.map((i) => i.title)
				.sort()
		).toEqual(adopted.sort());
		expect(prose).toContain(`The other ${items.length - 3} items, every comment and every interview are not public`);

		expect(prose).toContain("Leiden and Leiderdorp share their positions publicly, Oegstgeest's and Voorschoten's stay in the portal");
		const item = await publicSite.getPublicItem(t.db, itemId(housing));
		expect(item.positions.map((p) => p.municipalityId).sort()).toEqual(['leiden', 'leiderdorp']);

		expect(prose).toContain('The highlights of the held session are published');
		const sessions = await publicSite.listPublicMeetings(t.db);
		const held = table('session').filter((r) => r.status === 'afgesloten');
		expect(sessions.map((s) => s.title)).toEqual(held.map((r) => r.session));
		const highlights = await publicSite.getPublicMeeting(t.db, sessions[0].id);
		const kinds = new Set(highlights.items.flatMap((i) => i.minutes.map((m) => m.kind)));
		expect(kinds.size).toBeGreaterThan(0);
		expect(prose).toContain('its action points stay internal');
		expect([...kinds]).not.toContain('actiepunt');
	});

	it('lists every arrangement of the register with its kind, participants and this year’s contribution', async () => {
		const rows = table('arrangement');
		const list = await register.listCollaborations(t.db, actors.get('verkenner')!);
		expect(prose).toContain(`**Samenwerkingen** (the register of joint arrangements, under *Samenwerkingen* in the navigation). ${list.length} arrangements`);
		const year = Number(todayInNl().slice(0, 4));
		const euro = (cents: number) => `€ ${new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 }).format(cents / 100)}`;
		const facts = await Promise.all(
			list.map(async (c) => {
				const found = await register.getCollaboration(t.db, actors.get('verkenner')!, c.id);
				const cents = found.contributions.filter((k) => k.year === year).reduce((sum, k) => sum + k.cents, 0);
				return [c.name, c.kind, String(c.municipalityIds.length), String(c.outside.length), euro(cents)];
			})
		);
		expect(rows.map((r) => [r.arrangement, r.kind, r['of the five'], r['outside the region'], r['contribution this year']])).toEqual(facts);
	});

	it('tells each account what waits on its start page and in Meldingen, and the navigation count agrees', async () => {
		const rows = table('account');
		const housing = itemId('Versnelling woningbouw in de Leidse regio');
		expect(rows.map((r) => r.account).sort()).toEqual(demoAccounts.map((a) => a.email.replace(`@${DEMO_DOMAIN}`, '')).sort());
		for (const row of rows) {
			const actor = actors.get(row.account)!;
			const work = await myWork(t.db, actor);
			const facts = {
				decide: work.decide.length,
				council: work.council.length,
				position: work.position.length,
				actions: work.actionPoints.length,
				unread: await unreadNotificationCount(t.db, actor),
				comments: (await listComments(t.db, actor, housing)).comments.length,
				badge: await myWorkCount(t.db, actor)
			};
			const promised = {
				decide: n(row['decisions to take']),
				council: n(row['council follow-ups']),
				position: n(row['positions asked']),
				actions: n(row['action points']),
				unread: n(row['unread notifications']),
				comments: n(row['comments it reads on Versnelling woningbouw'])
			};
			expect(facts, row.account).toEqual({ ...promised, badge: promised.decide + promised.council + promised.position });
		}
	});

	it('counts the agenda overview per status as the item table says, for every account', async () => {
		const rows = table('item');
		for (const status of new Set(rows.map((r) => statusOf(r.status)))) {
			const expected = rows.filter((r) => statusOf(r.status) === status).length;
			for (const [account, actor] of actors) {
				const overview = await listItems(t.db, actor, filterFromSearchParams(new URLSearchParams({ status })));
				expect(overview.matching, `${account} ${status}`).toBe(expected);
			}
		}
	});

	it('puts no demo date on a weekend or a Dutch public holiday', async () => {
		const dates = await t.db.execute<{ d: string }>(sql`
			select start_date::text as d from agenda_items where start_date is not null
			union all select end_date::text from agenda_items where end_date is not null
			union all select due_date::text from agenda_item_milestones
			union all select meeting_date::text from sign_offs
			union all select meeting_date::text from council_decisions
			union all select held_on::text from interviews
			union all select due_on::text from meeting_minutes where due_on is not null
			union all select (starts_at at time zone 'Europe/Amsterdam')::date::text from meetings`);
		const all = ((dates as unknown as { rows?: { d: string }[] }).rows ?? (dates as unknown as { d: string }[])).map((r) => r.d);
		expect(all.length).toBeGreaterThan(20);
		expect(all.filter((d) => !isWorkingDay(d))).toEqual([]);
		expect(prose).toContain('falls on a working day (never a weekend or a Dutch public holiday)');
	});
});
