import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin } from '../../fixtures/factories';
import { meetingAgendaEntries, meetingInvitees, meetings as meetingsTable } from '../../../src/lib/server/db/schema';
import * as meetings from '../../../src/lib/server/modules/meetings';
import { DomainError, ValidationError } from '../../../src/lib/server/errors';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { recordPublished, rejection } from '../agenda/helpers';
import { cast, liveMeeting, meetingAudit, planInput, plannedMeeting, type Cast } from './helpers';

let t: TestDb;
let c: Cast;
let rec: ReturnType<typeof recordPublished>;

beforeAll(async () => {
	t = await testDb();
	c = await cast(t.db);
});
afterAll(() => destroy(t));
beforeEach(() => (rec = recordPublished()));
afterEach(() => rec.stop());

const count = async () => (await t.db.select().from(meetingsTable)).length;

describe('planning a session', () => {
	it('stores the plan in Amsterdam time, the agenda in order with minutes, the invitees, and an audit row', async () => {
		const { id } = await meetings.createMeeting(t.db, c.verkenner.actor, planInput(c), testOrigin);
		const [row] = await t.db.select().from(meetingsTable).where(eq(meetingsTable.id, id));
		// 19:30 in March (CET, UTC+1) is 18:30 UTC.
		expect(row.startsAt.toISOString()).toBe('2026-03-10T18:30:00.000Z');
		expect(row.endsAt.toISOString()).toBe('2026-03-10T20:30:00.000Z');
		expect(row).toMatchObject({ status: 'gepland', title: 'Klankbordgroep maart', location: 'Stadhuis Leiden, Burgerzaal', revision: 1 });
		const detail = await meetings.getMeeting(t.db, c.kbLeiden.actor, id);
		expect(detail.state.entries.map((e) => [e.title, e.plannedMinutes, e.position])).toEqual([
			['Woningbouw versnellen', 10, 1],
			['Energietransitie ruimte', 15, 2],
			['Jeugdhulp inkopen', 20, 3]
		]);
		expect(detail.invitees.map((p) => p.name).sort()).toEqual(['Carla College', 'Kees Leiden', 'Olga Oegstgeest']);
		const audit = await meetingAudit(t.db, id);
		expect(audit.map((a) => [a.action, a.actorUserId])).toEqual([['meeting.created', c.verkenner.id]]);
	});

	it('a summer session is stored in CEST (UTC+2)', async () => {
		const { id } = await meetings.createMeeting(
			t.db,
			c.verkenner.actor,
			planInput(c, { date: '2026-06-16', startTime: '09:00', endTime: '10:00' }),
			testOrigin
		);
		const [row] = await t.db.select().from(meetingsTable).where(eq(meetingsTable.id, id));
		expect(row.startsAt.toISOString()).toBe('2026-06-16T07:00:00.000Z');
	});

	it('refuses bad input with a clear reason per field, nothing stored', async () => {
		const before = await count();
		const cases: [Record<string, unknown>, string, string][] = [
			[{ startTime: '21:00', endTime: '20:00' }, 'endTime', 'validation_meeting_ends_before_start'],
			[{ startTime: '20:00', endTime: '20:00' }, 'endTime', 'validation_meeting_ends_before_start'],
			[{ onlineUrl: 'http://meet.example.nl/x' }, 'onlineUrl', 'validation_meeting_online_url'],
			[{ onlineUrl: 'javascript:alert(1)' }, 'onlineUrl', 'validation_meeting_online_url'],
			[{ location: '', onlineUrl: '' }, 'location', 'validation_meeting_place_required'],
			[{ title: '  ' }, 'title', 'validation_meeting_title_required'],
			[{ date: '2026-02-30' }, 'date', 'validation_meeting_date'],
			[{ startTime: '25:00' }, 'startTime', 'validation_meeting_time'],
			[{ agenda: [{ itemId: c.items[0], plannedMinutes: 0 }] }, 'agenda.0.plannedMinutes', 'validation_meeting_minutes'],
			[
				{
					agenda: [
						{ itemId: c.items[0], plannedMinutes: 5 },
						{ itemId: c.items[0], plannedMinutes: 5 }
					]
				},
				'agenda',
				'validation_meeting_agenda_duplicate'
			],
			[{ agenda: [{ itemId: crypto.randomUUID(), plannedMinutes: 5 }] }, 'agenda', 'validation_meeting_agenda_item_unknown'],
			[{ invitees: [c.griffie.id] }, 'invitees', 'validation_meeting_invitee_unknown'],
			[{ invitees: [crypto.randomUUID()] }, 'invitees', 'validation_meeting_invitee_unknown']
		];
		for (const [extra, field, key] of cases) {
			const err = await rejection(meetings.createMeeting(t.db, c.verkenner.actor, planInput(c, extra), testOrigin));
			expect(err, JSON.stringify(extra)).toBeInstanceOf(ValidationError);
			expect(err.fields[field], JSON.stringify(extra)).toBe(key);
		}
		expect(await count()).toBe(before);
	});

	it('an online-only session with an https link is fine', async () => {
		const res = await meetings.createMeeting(
			t.db,
			c.verkenner.actor,
			planInput(c, { location: '', onlineUrl: 'https://meet.example.nl/klankbord' }),
			testOrigin
		);
		expect(res.id).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('only the verkenner plans', async () => {
		for (const who of [c.kbLeiden, c.collegeLeiden, c.griffie]) {
			expect(await rejection(meetings.createMeeting(t.db, who.actor, planInput(c), testOrigin))).toBeInstanceOf(ForbiddenError);
		}
	});

	it('updates with the revision it saw: the agenda is reordered keeping entry ids; a stale revision is refused', async () => {
		const { id } = await meetings.createMeeting(t.db, c.verkenner.actor, planInput(c), testOrigin);
		const before = await t.db.select().from(meetingAgendaEntries).where(eq(meetingAgendaEntries.meetingId, id));
		const idOf = (itemId: string) => before.find((e) => e.itemId === itemId)!.id;
		const agenda = [
			{ itemId: c.items[2], plannedMinutes: 30 },
			{ itemId: c.items[0], plannedMinutes: 5 }
		];
		const res = await meetings.updateMeeting(
			t.db,
			c.verkenner.actor,
			{ ...planInput(c, { title: 'Nieuwe titel', agenda, invitees: [c.kbLeiden.id] }), meetingId: id, revision: 1 },
			testOrigin
		);
		expect(res.revision).toBe(2);
		const state = await meetings.meetingState(t.db, c.kbLeiden.actor, id);
		expect(state.title).toBe('Nieuwe titel');
		expect(state.entries.map((e) => [e.itemId, e.plannedMinutes, e.id])).toEqual([
			[c.items[2], 30, idOf(c.items[2])],
			[c.items[0], 5, idOf(c.items[0])]
		]);
		expect(await t.db.select().from(meetingInvitees).where(eq(meetingInvitees.meetingId, id))).toHaveLength(1);
		expect(rec.events.filter((e) => e.room === `meeting:${id}` && e.event === 'meeting:state')).toHaveLength(1);

		const stale = await rejection(
			meetings.updateMeeting(t.db, c.verkenner.actor, { ...planInput(c, { title: 'Te laat' }), meetingId: id, revision: 1 }, testOrigin)
		);
		expect(stale).toBeInstanceOf(DomainError);
		expect(stale.key).toBe('meetings_conflict');
		expect((await meetings.meetingState(t.db, c.kbLeiden.actor, id)).title).toBe('Nieuwe titel');
		expect((await meetingAudit(t.db, id)).map((a) => a.action)).toEqual(['meeting.created', 'meeting.updated']);
	});

	it('the downloadable .ics (METHOD:PUBLISH) names the session and its time in UTC, no attendees, and its SEQUENCE follows the revision', async () => {
		const { id } = await meetings.createMeeting(t.db, c.verkenner.actor, planInput(c), testOrigin);
		const first = await meetings.meetingInvitation(t.db, c.kbLeiden.actor, id, 'https://portaal.example.nl', 'nl');
		const unfolded = first.ics.replace(/\r\n[ \t]/g, '');
		expect(unfolded).toContain('BEGIN:VCALENDAR');
		expect(unfolded).toContain(`UID:${id}@regioportaal`);
		expect(unfolded).toContain('SUMMARY:Klankbordgroep maart');
		expect(unfolded).toContain('DTSTART:20260310T183000Z');
		expect(unfolded).toContain('SEQUENCE:0');
		expect(unfolded).toContain(`https://portaal.example.nl/sessies/${id}`);
		expect(unfolded).toContain('1. Woningbouw versnellen (10 min.)');
		expect(unfolded).toContain('METHOD:PUBLISH');
		expect(unfolded).toContain(`ORGANIZER;CN="Vera Verkenner":MAILTO:${c.verkenner.email}`);
		// A file someone imports themselves asks nobody for a reply.
		expect(unfolded).not.toContain('ATTENDEE');
		expect(first.filename).toBe('sessie-2026-03-10.ics');
		await meetings.updateMeeting(t.db, c.verkenner.actor, { ...planInput(c, { startTime: '20:00' }), meetingId: id, revision: 1 }, testOrigin);
		const second = (await meetings.meetingInvitation(t.db, c.kbLeiden.actor, id, 'https://portaal.example.nl', 'nl')).ics.replace(/\r\n[ \t]/g, '');
		expect(second).toContain('SEQUENCE:1');
		expect(second).toContain('DTSTART:20260310T190000Z');
		const nobody = await newUser(t.db, []);
		expect(await rejection(meetings.meetingInvitation(t.db, nobody.actor, id, 'https://portaal.example.nl', 'nl'))).toBeInstanceOf(ForbiddenError);
	});

	it('a started session keeps its plan', async () => {
		const { id } = await liveMeeting(t.db, c);
		const err = await rejection(meetings.updateMeeting(t.db, c.verkenner.actor, { ...planInput(c), meetingId: id, revision: 1 }, testOrigin));
		expect(err.key).toBe('meetings_not_planned');
	});
});

describe('naming the chair', () => {
	it('the verkenner names themself or an invited klankbordgroep member; others are refused', async () => {
		const { id } = await meetings.createMeeting(t.db, c.verkenner.actor, planInput(c, { invitees: [c.kbLeiden.id, c.collegeLeiden.id] }), testOrigin);
		const s = await meetings.nameChair(t.db, c.verkenner.actor, { meetingId: id, chairUserId: c.kbLeiden.id }, testOrigin);
		expect(s.chair).toEqual({ userId: c.kbLeiden.id, name: 'Kees Leiden' });

		// not invited, a college member, or someone else than the verkenner naming
		for (const chairUserId of [c.kbOegstgeest.id, c.collegeLeiden.id, c.griffie.id]) {
			const err = await rejection(meetings.nameChair(t.db, c.verkenner.actor, { meetingId: id, chairUserId }, testOrigin));
			expect(err.key).toBe('validation_meeting_chair_not_eligible');
		}
		expect(await rejection(meetings.nameChair(t.db, c.kbLeiden.actor, { meetingId: id, chairUserId: c.kbLeiden.id }, testOrigin))).toBeInstanceOf(
			ForbiddenError
		);

		// the member-chair cannot be dropped from the invitees
		const drop = await rejection(
			meetings.updateMeeting(t.db, c.verkenner.actor, { ...planInput(c, { invitees: [] }), meetingId: id, revision: 1 }, testOrigin)
		);
		expect(drop.fields.invitees).toBe('validation_meeting_chair_must_stay_invited');

		const back = await meetings.nameChair(t.db, c.verkenner.actor, { meetingId: id, chairUserId: c.verkenner.id }, testOrigin);
		expect(back.chair?.userId).toBe(c.verkenner.id);
		const audit = await meetingAudit(t.db, id);
		expect(audit.filter((a) => a.action === 'meeting.chair_named').map((a) => a.details)).toEqual([
			{ from: null, to: c.kbLeiden.id },
			{ from: c.kbLeiden.id, to: c.verkenner.id }
		]);
	});

	it('a second chair while one drives a live session is refused, nothing changes', async () => {
		const { id } = await liveMeeting(t.db, c, c.kbLeiden.actor);
		const err = await rejection(meetings.nameChair(t.db, c.verkenner.actor, { meetingId: id, chairUserId: c.verkenner.id }, testOrigin));
		expect(err).toBeInstanceOf(DomainError);
		expect(err.key).toBe('meetings_chair_already_driving');
		expect((await meetings.meetingState(t.db, c.verkenner.actor, id)).chair?.userId).toBe(c.kbLeiden.id);
		// the verkenner (who could chair another session) cannot drive this one
		const drive = await rejection(meetings.moveTo(t.db, c.verkenner.actor, { meetingId: id, to: 'next' }, testOrigin));
		expect(drive.key).toBe('meetings_not_the_chair');
		// naming the same chair again changes nothing and records nothing
		const seq = (await meetings.meetingState(t.db, c.verkenner.actor, id)).seq;
		await meetings.nameChair(t.db, c.verkenner.actor, { meetingId: id, chairUserId: c.kbLeiden.id }, testOrigin);
		expect((await meetings.meetingState(t.db, c.verkenner.actor, id)).seq).toBe(seq);
	});

	it('lists upcoming and past sessions', async () => {
		const id = await plannedMeeting(t.db, c);
		const past = await meetings.createMeeting(t.db, c.verkenner.actor, planInput(c, { title: 'Oude sessie', date: '2020-01-07' }), testOrigin);
		const list = await meetings.listMeetings(t.db, c.griffie.actor, new Date('2026-01-01T00:00:00Z'));
		expect(list.upcoming.map((m) => m.id)).toContain(id);
		expect(list.past.map((m) => m.id)).toContain(past.id);
		expect(list.upcoming.find((m) => m.id === id)).toMatchObject({ entries: 3, chairName: 'Vera Verkenner' });
		const nobody = await newUser(t.db, []);
		expect(await rejection(meetings.listMeetings(t.db, nobody.actor))).toBeInstanceOf(ForbiddenError);
	});
});
