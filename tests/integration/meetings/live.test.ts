import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { testOrigin } from '../../fixtures/factories';
import { meetingAttendance, meetingMinutes, meetingTemperatureChecks, positions } from '../../../src/lib/server/db/schema';
import * as meetings from '../../../src/lib/server/modules/meetings';
import { DomainError, ValidationError } from '../../../src/lib/server/errors';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { recordPublished, rejection } from '../agenda/helpers';
import { cast, liveMeeting, meetingAudit, plannedMeeting, rewindTimer, type Cast } from './helpers';

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

const stateOf = (id: string) => meetings.meetingState(t.db, c.griffie.actor, id);
const published = (id: string) => rec.events.filter((e) => e.room === `meeting:${id}` && e.event === 'meeting:state').map((e) => e.payload);

describe('live mode: only the chair drives', () => {
	it('the chair starts: the first entry is current and its timer runs; a published state follows every change', async () => {
		const id = await plannedMeeting(t.db, c);
		for (const who of [c.kbLeiden, c.collegeLeiden, c.griffie]) {
			const err = await rejection(meetings.startLive(t.db, who.actor, { meetingId: id }, testOrigin));
			expect(err.key).toBe('meetings_not_the_chair');
		}
		const s = await meetings.startLive(t.db, c.verkenner.actor, { meetingId: id }, testOrigin);
		expect(s.status).toBe('live');
		expect(s.currentEntryId).toBe(s.entries[0].id);
		expect(s.timerStartedAt).not.toBeNull();
		const events = published(id);
		expect(events.at(-1)).toMatchObject({ seq: s.seq, status: 'live', currentEntryId: s.entries[0].id });
		expect((await rejection(meetings.startLive(t.db, c.verkenner.actor, { meetingId: id }, testOrigin))).key).toBe('meetings_not_planned');
	});

	it('without a chair, or without an agenda, a session does not start', async () => {
		const { id } = await meetings.createMeeting(
			t.db,
			c.verkenner.actor,
			{ title: 'Zonder', date: '2026-05-01', startTime: '10:00', endTime: '11:00', location: 'Leiden' },
			testOrigin
		);
		expect((await rejection(meetings.startLive(t.db, c.verkenner.actor, { meetingId: id }, testOrigin))).key).toBe('meetings_no_chair');
		await meetings.nameChair(t.db, c.verkenner.actor, { meetingId: id, chairUserId: c.verkenner.id }, testOrigin);
		expect((await rejection(meetings.startLive(t.db, c.verkenner.actor, { meetingId: id }, testOrigin))).key).toBe('meetings_agenda_empty');
	});

	it('moves next, previous and to an entry; the timer of each entry adds up; an item not on the agenda is refused', async () => {
		const { id, state } = await liveMeeting(t.db, c, c.kbLeiden.actor);
		const [e1, e2, e3] = state.entries;
		await rewindTimer(t.db, id, 90);
		let s = await meetings.moveTo(t.db, c.kbLeiden.actor, { meetingId: id, to: 'next' }, testOrigin);
		expect(s.currentEntryId).toBe(e2.id);
		expect(s.entries[0].spentSeconds).toBeGreaterThanOrEqual(90);
		expect(s.entries[0].spentSeconds).toBeLessThan(95);

		await rewindTimer(t.db, id, 30);
		s = await meetings.moveTo(t.db, c.kbLeiden.actor, { meetingId: id, to: 'previous' }, testOrigin);
		expect(s.currentEntryId).toBe(e1.id);
		expect(s.entries[1].spentSeconds).toBeGreaterThanOrEqual(30);

		await rewindTimer(t.db, id, 10);
		s = await meetings.moveTo(t.db, c.kbLeiden.actor, { meetingId: id, to: 'entry', entryId: e3.id }, testOrigin);
		expect(s.currentEntryId).toBe(e3.id);
		// back on entry 1 for 10 more seconds: 90 + 10
		expect(s.entries[0].spentSeconds).toBeGreaterThanOrEqual(100);
		expect((await rejection(meetings.moveTo(t.db, c.kbLeiden.actor, { meetingId: id, to: 'next' }, testOrigin))).key).toBe('meetings_no_next_entry');

		const before = (await stateOf(id)).seq;
		const other = await liveMeeting(t.db, c);
		for (const entryId of [other.state.entries[0].id, crypto.randomUUID()]) {
			const err = await rejection(meetings.moveTo(t.db, c.kbLeiden.actor, { meetingId: id, to: 'entry', entryId }, testOrigin));
			expect(err).toBeInstanceOf(DomainError);
			expect(err.key).toBe('meetings_entry_not_on_agenda');
		}
		expect((await stateOf(id)).currentEntryId).toBe(e3.id);
		expect((await stateOf(id)).seq).toBe(before);
		// someone else than the chair, even the verkenner
		for (const who of [c.verkenner, c.kbOegstgeest]) {
			expect((await rejection(meetings.moveTo(t.db, who.actor, { meetingId: id, to: 'previous' }, testOrigin))).key).toBe('meetings_not_the_chair');
		}
		const moves = (await meetingAudit(t.db, id)).filter((a) => a.action === 'meeting.moved');
		expect(moves.map((a) => a.details.to)).toEqual([e2.id, e1.id, e3.id]);
	});

	it('pauses and resumes the timer; paused time does not count', async () => {
		const { id } = await liveMeeting(t.db, c);
		await rewindTimer(t.db, id, 40);
		let s = await meetings.setTimer(t.db, c.verkenner.actor, { meetingId: id, running: false }, testOrigin);
		expect(s.timerStartedAt).toBeNull();
		expect(s.entries[0].spentSeconds).toBeGreaterThanOrEqual(40);
		const spent = s.entries[0].spentSeconds;
		s = await meetings.setTimer(t.db, c.verkenner.actor, { meetingId: id, running: false }, testOrigin);
		expect(s.entries[0].spentSeconds).toBe(spent);
		s = await meetings.setTimer(t.db, c.verkenner.actor, { meetingId: id, running: true }, testOrigin);
		expect(s.timerStartedAt).not.toBeNull();
		expect((await rejection(meetings.setTimer(t.db, c.kbLeiden.actor, { meetingId: id, running: false }, testOrigin))).key).toBe('meetings_not_the_chair');
		expect((await meetingAudit(t.db, id)).map((a) => a.action).filter((a) => a.startsWith('meeting.timer'))).toEqual([
			'meeting.timer_paused',
			'meeting.timer_resumed'
		]);
	});
});

describe('attendance', () => {
	it('members check in for their own municipality; another municipality is refused; the chair records a member', async () => {
		const id = await plannedMeeting(t.db, c);
		await meetings.checkIn(t.db, c.kbLeiden.actor, { meetingId: id, municipalityId: 'leiden' }, testOrigin);
		await meetings.checkIn(t.db, c.collegeLeiden.actor, { meetingId: id, municipalityId: 'leiden' }, testOrigin);
		const other = await rejection(meetings.checkIn(t.db, c.kbLeiden.actor, { meetingId: id, municipalityId: 'oegstgeest' }, testOrigin));
		expect(other).toBeInstanceOf(DomainError);
		expect(other.key).toBe('meetings_checkin_other_municipality');
		expect(other.status).toBe(403);
		// a griffie does not check in; a member cannot record someone else
		expect((await rejection(meetings.checkIn(t.db, c.griffie.actor, { meetingId: id, municipalityId: 'leiden' }, testOrigin))).key).toBe(
			'meetings_checkin_other_municipality'
		);
		expect(
			(await rejection(meetings.checkIn(t.db, c.kbLeiden.actor, { meetingId: id, municipalityId: 'oegstgeest', userId: c.kbOegstgeest.id }, testOrigin))).key
		).toBe('meetings_not_the_chair');

		// the chair records Olga for Oegstgeest, not for Leiden; the verkenner is present for the region
		expect(
			(await rejection(meetings.checkIn(t.db, c.verkenner.actor, { meetingId: id, municipalityId: 'leiden', userId: c.kbOegstgeest.id }, testOrigin))).key
		).toBe('meetings_checkin_other_municipality');
		await meetings.checkIn(t.db, c.verkenner.actor, { meetingId: id, municipalityId: 'oegstgeest', userId: c.kbOegstgeest.id }, testOrigin);
		const s = await meetings.checkIn(t.db, c.verkenner.actor, { meetingId: id, municipalityId: '' }, testOrigin);
		expect(s.attendance.map((a) => [a.name, a.municipalityId])).toEqual([
			['Kees Leiden', 'leiden'],
			['Carla College', 'leiden'],
			['Olga Oegstgeest', 'oegstgeest'],
			['Vera Verkenner', null]
		]);
		const [olga] = await t.db
			.select()
			.from(meetingAttendance)
			.where(and(eq(meetingAttendance.meetingId, id), eq(meetingAttendance.userId, c.kbOegstgeest.id)));
		expect(olga.recordedBy).toBe(c.verkenner.id);
		expect((await meetingAudit(t.db, id)).filter((a) => a.action === 'meeting.checked_in')).toHaveLength(4);
	});
});

describe('temperature checks', () => {
	it('one per municipality on the current item while live, the last one counts, tallied in the state', async () => {
		const { id, state } = await liveMeeting(t.db, c);
		const itemId = state.entries[0].itemId;
		await meetings.giveTemperature(t.db, c.kbLeiden.actor, { meetingId: id, itemId, municipalityId: 'leiden', value: 'neutraal' }, testOrigin);
		await meetings.giveTemperature(t.db, c.kbOegstgeest.actor, { meetingId: id, itemId, municipalityId: 'oegstgeest', value: 'bezwaar' }, testOrigin);
		const s = await meetings.giveTemperature(t.db, c.kbLeiden.actor, { meetingId: id, itemId, municipalityId: 'leiden', value: 'steunt' }, testOrigin);
		expect(s.temperature.map((x) => [x.municipalityId, x.value, x.givenByName]).sort()).toEqual([
			['leiden', 'steunt', 'Kees Leiden'],
			['oegstgeest', 'bezwaar', 'Olga Oegstgeest']
		]);
		expect(published(id).at(-1).temperature).toHaveLength(2);

		const refusals: [unknown, Record<string, unknown>, string][] = [
			[c.kbLeiden.actor, { municipalityId: 'oegstgeest', value: 'steunt' }, 'meetings_temperature_other_municipality'],
			[c.collegeLeiden.actor, { municipalityId: 'leiden', value: 'steunt' }, 'meetings_temperature_other_municipality'],
			[c.kbLeiden.actor, { municipalityId: 'leiden', value: 'steunt', itemId: state.entries[1].itemId }, 'meetings_temperature_not_current']
		];
		for (const [actor, extra, key] of refusals) {
			const err = await rejection(meetings.giveTemperature(t.db, actor as never, { meetingId: id, itemId, ...extra }, testOrigin));
			expect(err.key).toBe(key);
		}
		const bad = await rejection(
			meetings.giveTemperature(t.db, c.kbLeiden.actor, { meetingId: id, itemId, municipalityId: 'leiden', value: 'misschien' }, testOrigin)
		);
		expect(bad).toBeInstanceOf(ValidationError);
		expect(bad.fields.value).toBe('validation_meeting_temperature');

		const planned = await plannedMeeting(t.db, c);
		expect(
			(await rejection(meetings.giveTemperature(t.db, c.kbLeiden.actor, { meetingId: planned, itemId, municipalityId: 'leiden', value: 'steunt' }, testOrigin)))
				.key
		).toBe('meetings_not_live');
		expect((await meetingAudit(t.db, id)).filter((a) => a.action === 'meeting.temperature_given')).toHaveLength(3);
	});

	it('a member turns their municipality check into its formal position, with reasons where positions need them', async () => {
		const { id, state } = await liveMeeting(t.db, c);
		const itemId = state.entries[0].itemId;
		await meetings.giveTemperature(t.db, c.kbOegstgeest.actor, { meetingId: id, itemId, municipalityId: 'oegstgeest', value: 'bezwaar' }, testOrigin);

		const noReasons = await rejection(
			meetings.adoptTemperature(t.db, c.kbOegstgeest.actor, { meetingId: id, itemId, municipalityId: 'oegstgeest' }, testOrigin)
		);
		expect(noReasons).toBeInstanceOf(ValidationError);
		expect(noReasons.fields.reasons).toBe('validation_decisions_reasons_required');
		expect(
			await rejection(meetings.adoptTemperature(t.db, c.kbLeiden.actor, { meetingId: id, itemId, municipalityId: 'oegstgeest', reasons: 'x' }, testOrigin))
		).toBeInstanceOf(ForbiddenError);
		expect(await t.db.select().from(positions).where(eq(positions.itemId, itemId))).toEqual([]);

		const res = await meetings.adoptTemperature(
			t.db,
			c.kbOegstgeest.actor,
			{ meetingId: id, itemId, municipalityId: 'oegstgeest', reasons: 'Te duur voor Oegstgeest' },
			testOrigin
		);
		expect(res.position).toMatchObject({ position: 'bezwaar', changed: true });
		const [pos] = await t.db.select().from(positions).where(eq(positions.itemId, itemId));
		expect(pos).toMatchObject({ municipalityId: 'oegstgeest', position: 'bezwaar', reasons: 'Te duur voor Oegstgeest' });
		const [check] = await t.db.select().from(meetingTemperatureChecks).where(eq(meetingTemperatureChecks.meetingId, id));
		expect(check.positionSetAt).not.toBeNull();
		expect(res.state.temperature[0].positionSetAt).not.toBeNull();
		expect((await meetingAudit(t.db, id)).map((a) => a.action)).toContain('meeting.temperature_adopted');
		expect(rec.events.some((e) => e.event === 'decisions:changed' && e.room === `item:${itemId}`)).toBe(true);

		expect((await rejection(meetings.adoptTemperature(t.db, c.kbLeiden.actor, { meetingId: id, itemId, municipalityId: 'leiden' }, testOrigin))).key).toBe(
			'meetings_temperature_missing'
		);
	});
});

describe('minutes and closing', () => {
	it('the chair writes discussed, decision, action point and question; a resend stores once; others are refused', async () => {
		const { id, state } = await liveMeeting(t.db, c);
		const itemId = state.entries[0].itemId;
		const action = {
			id: crypto.randomUUID(),
			meetingId: id,
			itemId,
			kind: 'actiepunt',
			body: 'Locatiekaart naar de colleges',
			ownerName: 'Vera Verkenner',
			dueOn: '2026-04-01'
		};
		await meetings.writeMinute(
			t.db,
			c.verkenner.actor,
			{ id: crypto.randomUUID(), meetingId: id, itemId, kind: 'besproken', body: 'Tempo en locaties' },
			testOrigin
		);
		await meetings.writeMinute(
			t.db,
			c.verkenner.actor,
			{ id: crypto.randomUUID(), meetingId: id, itemId, kind: 'besluit', body: 'Door naar de colleges' },
			testOrigin
		);
		await meetings.writeMinute(t.db, c.verkenner.actor, action, testOrigin);
		const again = await meetings.writeMinute(t.db, c.verkenner.actor, action, testOrigin);
		const s = await meetings.writeMinute(
			t.db,
			c.verkenner.actor,
			{ id: crypto.randomUUID(), meetingId: id, itemId: '', kind: 'vraag', body: 'Hoe kijkt de raad hiernaar?', municipalityId: 'leiden' },
			testOrigin
		);
		expect(again.minutes).toHaveLength(3);
		expect(s.minutes.map((x) => [x.kind, x.itemId, x.ownerName, x.dueOn, x.municipalityId])).toEqual([
			['besproken', itemId, '', null, null],
			['besluit', itemId, '', null, null],
			['actiepunt', itemId, 'Vera Verkenner', '2026-04-01', null],
			['vraag', null, '', null, 'leiden']
		]);

		const bad: [Record<string, unknown>, string, string][] = [
			[{ kind: 'actiepunt', ownerName: '', dueOn: '2026-04-01' }, 'ownerName', 'validation_meeting_action_owner'],
			[{ kind: 'actiepunt', ownerName: 'Kees', dueOn: '' }, 'dueOn', 'validation_meeting_action_due'],
			[{ kind: 'besluit', body: '   ' }, 'body', 'validation_meeting_minute_empty'],
			[{ kind: 'notitie' }, 'kind', 'validation_meeting_minute_kind']
		];
		for (const [extra, field, key] of bad) {
			const err = await rejection(
				meetings.writeMinute(t.db, c.verkenner.actor, { id: crypto.randomUUID(), meetingId: id, itemId, body: 'Tekst', ...extra }, testOrigin)
			);
			expect(err.fields[field], JSON.stringify(extra)).toBe(key);
		}
		const off = await rejection(
			meetings.writeMinute(
				t.db,
				c.verkenner.actor,
				{ id: crypto.randomUUID(), meetingId: id, itemId: crypto.randomUUID(), kind: 'besproken', body: 'x' },
				testOrigin
			)
		);
		expect(off.key).toBe('meetings_entry_not_on_agenda');
		expect(
			(
				await rejection(
					meetings.writeMinute(t.db, c.kbLeiden.actor, { id: crypto.randomUUID(), meetingId: id, itemId, kind: 'besproken', body: 'x' }, testOrigin)
				)
			).key
		).toBe('meetings_not_the_chair');
		expect(await t.db.select().from(meetingMinutes).where(eq(meetingMinutes.meetingId, id))).toHaveLength(4);
	});

	it('the chair deletes a minute (kept, out of the state) and closes the session; then nothing moves', async () => {
		const { id, state } = await liveMeeting(t.db, c);
		const minuteId = crypto.randomUUID();
		await meetings.writeMinute(
			t.db,
			c.verkenner.actor,
			{ id: minuteId, meetingId: id, itemId: state.entries[0].itemId, kind: 'besproken', body: 'Vergissing' },
			testOrigin
		);
		expect((await rejection(meetings.deleteMinute(t.db, c.kbLeiden.actor, { meetingId: id, id: minuteId }, testOrigin))).key).toBe('meetings_not_the_chair');
		let s = await meetings.deleteMinute(t.db, c.verkenner.actor, { meetingId: id, id: minuteId }, testOrigin);
		expect(s.minutes).toEqual([]);
		const [row] = await t.db.select().from(meetingMinutes).where(eq(meetingMinutes.id, minuteId));
		expect(row.deletedAt).not.toBeNull();

		expect((await rejection(meetings.closeMeeting(t.db, c.kbLeiden.actor, { meetingId: id }, testOrigin))).key).toBe('meetings_not_the_chair');
		await rewindTimer(t.db, id, 20);
		s = await meetings.closeMeeting(t.db, c.verkenner.actor, { meetingId: id }, testOrigin);
		expect(s).toMatchObject({ status: 'afgesloten', currentEntryId: null, timerStartedAt: null });
		expect(s.endedAt).not.toBeNull();
		expect(s.entries[0].spentSeconds).toBeGreaterThanOrEqual(20);
		// one after the other (thunks): a refusal is awaited as soon as it is made
		for (const run of [
			() => meetings.moveTo(t.db, c.verkenner.actor, { meetingId: id, to: 'next' }, testOrigin),
			() =>
				meetings.writeMinute(t.db, c.verkenner.actor, { id: crypto.randomUUID(), meetingId: id, itemId: null, kind: 'besproken', body: 'Te laat' }, testOrigin),
			() => meetings.checkIn(t.db, c.kbLeiden.actor, { meetingId: id, municipalityId: 'leiden' }, testOrigin),
			() => meetings.closeMeeting(t.db, c.verkenner.actor, { meetingId: id }, testOrigin)
		]) {
			expect((await rejection(run())).key).toBe('meetings_closed');
		}
		const actions = (await meetingAudit(t.db, id)).map((a) => a.action);
		expect(actions).toEqual([
			'meeting.created',
			'meeting.chair_named',
			'meeting.started',
			'meeting.minute_written',
			'meeting.minute_deleted',
			'meeting.closed'
		]);
		const seqs = published(id).map((p) => p.seq);
		expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
	});
});
