import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin } from '../../fixtures/factories';
import * as meetings from '../../../src/lib/server/modules/meetings';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { rejection } from '../agenda/helpers';
import { cast, liveMeeting, rewindTimer, type Cast } from './helpers';

let t: TestDb;
let c: Cast;

beforeAll(async () => {
	t = await testDb();
	c = await cast(t.db);
});
afterAll(() => destroy(t));

describe('composeHighlights', () => {
	it('the report of a session that is not closed yet is refused (the download routes use this)', async () => {
		const { id } = await liveMeeting(t.db, c);
		expect((await rejection(meetings.closedHighlights(t.db, c.griffie.actor, id))).key).toBe('meetings_not_closed');
		// while live, composeHighlights counts the running stretch of the current item
		await rewindTimer(t.db, id, 30);
		expect((await meetings.composeHighlights(t.db, c.griffie.actor, id)).items[0].spentSeconds).toBeGreaterThanOrEqual(30);
	});

	it('holds attendance per municipality, per item the minutes and temperature checks, and the general minutes', async () => {
		const { id, state } = await liveMeeting(t.db, c, c.kbLeiden.actor);
		const [e1, e2] = state.entries;
		const chair = c.kbLeiden.actor;
		await meetings.checkIn(t.db, c.kbLeiden.actor, { meetingId: id, municipalityId: 'leiden' }, testOrigin);
		await meetings.checkIn(t.db, c.kbOegstgeest.actor, { meetingId: id, municipalityId: 'oegstgeest' }, testOrigin);
		await meetings.checkIn(t.db, c.verkenner.actor, { meetingId: id, municipalityId: null }, testOrigin);
		await meetings.giveTemperature(
			t.db,
			c.kbOegstgeest.actor,
			{ meetingId: id, itemId: e1.itemId, municipalityId: 'oegstgeest', value: 'steunt_onder_voorwaarden' },
			testOrigin
		);
		await meetings.giveTemperature(t.db, c.kbLeiden.actor, { meetingId: id, itemId: e1.itemId, municipalityId: 'leiden', value: 'steunt' }, testOrigin);
		await meetings.writeMinute(
			t.db,
			chair,
			{ id: crypto.randomUUID(), meetingId: id, itemId: e1.itemId, kind: 'besproken', body: 'Tempo van de woningbouw' },
			testOrigin
		);
		await meetings.writeMinute(
			t.db,
			chair,
			{
				id: crypto.randomUUID(),
				meetingId: id,
				itemId: e1.itemId,
				kind: 'actiepunt',
				body: 'Locatiekaart delen',
				ownerName: 'Vera Verkenner',
				dueOn: '2026-04-01'
			},
			testOrigin
		);
		const gone = crypto.randomUUID();
		await meetings.writeMinute(t.db, chair, { id: gone, meetingId: id, itemId: e1.itemId, kind: 'besluit', body: 'Per ongeluk' }, testOrigin);
		await meetings.deleteMinute(t.db, chair, { meetingId: id, id: gone }, testOrigin);
		await rewindTimer(t.db, id, 120);
		await meetings.moveTo(t.db, chair, { meetingId: id, to: 'next' }, testOrigin);
		await meetings.writeMinute(
			t.db,
			chair,
			{ id: crypto.randomUUID(), meetingId: id, itemId: e2.itemId, kind: 'besluit', body: 'Ruimte zoeken langs de A4' },
			testOrigin
		);
		await meetings.writeMinute(
			t.db,
			chair,
			{ id: crypto.randomUUID(), meetingId: id, itemId: null, kind: 'vraag', body: 'Wil de raad meedenken?', municipalityId: 'oegstgeest' },
			testOrigin
		);
		await meetings.closeMeeting(t.db, chair, { meetingId: id }, testOrigin);

		const h = await meetings.composeHighlights(t.db, c.griffie.actor, id);
		expect(h.meeting).toMatchObject({ id, title: 'Klankbordgroep maart', chairName: 'Kees Leiden', startsAt: '2026-03-10T18:30:00.000Z' });
		expect(h.meeting.endedAt).not.toBeNull();
		expect(h.attendance.map((a) => [a.municipalityName, a.names])).toEqual([
			['Leiden', ['Kees Leiden']],
			['Leiderdorp', []],
			['Oegstgeest', ['Olga Oegstgeest']],
			['Voorschoten', []],
			['Zoeterwoude', []]
		]);
		expect(h.regionalAttendees).toEqual(['Vera Verkenner']);
		expect(h.items.map((i) => [i.position, i.title, i.plannedMinutes])).toEqual([
			[1, 'Woningbouw versnellen', 10],
			[2, 'Energietransitie ruimte', 15],
			[3, 'Jeugdhulp inkopen', 20]
		]);
		const [i1, i2, i3] = h.items;
		expect(i1.ambitionName).not.toBe('');
		expect(i1.spentSeconds).toBeGreaterThanOrEqual(120);
		expect(i1.temperature.map((x) => [x.municipalityName, x.value, x.givenByName])).toEqual([
			['Leiden', 'steunt', 'Kees Leiden'],
			['Oegstgeest', 'steunt_onder_voorwaarden', 'Olga Oegstgeest']
		]);
		expect(i1.minutes.map((x) => [x.kind, x.body, x.ownerName, x.dueOn])).toEqual([
			['besproken', 'Tempo van de woningbouw', '', null],
			['actiepunt', 'Locatiekaart delen', 'Vera Verkenner', '2026-04-01']
		]);
		expect(i2.minutes.map((x) => x.body)).toEqual(['Ruimte zoeken langs de A4']);
		expect(i3).toMatchObject({ minutes: [], temperature: [], spentSeconds: 0 });
		expect(h.general).toEqual([
			expect.objectContaining({ kind: 'vraag', body: 'Wil de raad meedenken?', municipalityName: 'Oegstgeest', createdByName: 'Kees Leiden' })
		]);

		expect(meetings.highlightsFilename(h, 'pdf')).toBe('highlights-2026-03-10.pdf');
		expect((await meetings.closedHighlights(t.db, c.griffie.actor, id)).items).toHaveLength(3);
		const nobody = await newUser(t.db, []);
		expect(await rejection(meetings.composeHighlights(t.db, nobody.actor, id))).toBeInstanceOf(ForbiddenError);
	});
});
