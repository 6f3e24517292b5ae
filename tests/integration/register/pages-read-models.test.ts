import { beforeAll, describe, expect, it } from 'vitest';
import { testOrigin } from '../../fixtures/factories';
import { collaborationBoardMeetings } from '../../../src/lib/server/db/schema';
import * as register from '../../../src/lib/server/modules/register';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { ValidationError } from '../../../src/lib/server/errors';
import { rejection } from '../agenda/helpers';
import { registerSuite, servicepunt, servicepuntParticipants } from './helpers';

const s = registerSuite();
const today = '2026-03-10';
let sp: string; // Servicepunt71: Leiden, Leiderdorp, Oegstgeest, Zoeterwoude
let hr: string; // Holland Rijnland: Leiden and Voorschoten, and Katwijk from outside
let ended: string;

const moment = (collaborationId: string, kind: string, on: string, municipalityId: string | null = null) =>
	register.addMoment(s.db, s.verkenner.actor, { collaborationId, kind, on, municipalityId, note: '' }, testOrigin);

beforeAll(async () => {
	sp = (await register.createCollaboration(s.db, s.verkenner.actor, servicepunt(), testOrigin)).id;
	await register.setParticipants(s.db, s.verkenner.actor, { collaborationId: sp, ...servicepuntParticipants }, testOrigin);
	hr = (await register.createCollaboration(s.db, s.verkenner.actor, servicepunt({ name: 'Holland Rijnland', legalForm: 'openbaar_lichaam' }), testOrigin)).id;
	await register.setParticipants(
		s.db,
		s.verkenner.actor,
		{ collaborationId: hr, municipalities: [{ municipalityId: 'leiden' }, { municipalityId: 'voorschoten' }], outside: ['Katwijk'] },
		testOrigin
	);
	ended = (await register.createCollaboration(s.db, s.verkenner.actor, servicepunt({ name: 'Oude regeling' }), testOrigin)).id;
	await register.setParticipants(s.db, s.verkenner.actor, { collaborationId: ended, municipalities: [{ municipalityId: 'leiden' }] }, testOrigin);

	await moment(sp, 'begroting', '2026-04-01');
	await moment(sp, 'zienswijze', '2026-02-20', 'oegstgeest'); // passed: overdue
	await moment(sp, 'zienswijze', '2026-05-15', 'leiden');
	await moment(sp, 'jaarrekening', '2025-06-01'); // long ago: off the page, in the feed
	await moment(hr, 'kadernota', '2026-03-20');
	await moment(hr, 'zienswijze', '2026-04-10', 'voorschoten');
	await moment(ended, 'evaluatie', '2026-04-02');
	const revision = (await register.getCollaboration(s.db, s.verkenner.actor, ended)).collaboration.revision;
	await register.endCollaboration(s.db, s.verkenner.actor, { collaborationId: ended, revision, endsOn: '2026-03-01', reason: 'Opgeheven' }, testOrigin);
	await s.db.insert(collaborationBoardMeetings).values([
		{ collaborationId: hr, board: 'ab', on: '2026-03-25', title: 'AB-vergadering maart' },
		{ collaborationId: hr, board: 'db', on: '2026-01-15', title: 'Al geweest' }
	]);

	// Carla (college Leiden) sits on Holland Rijnland's AB and DB; Kees is Servicepunt's rapporteur for Leiden.
	await register.setSeats(
		s.db,
		s.adviseurLeiden.actor,
		{
			collaborationId: hr,
			municipalityId: 'leiden',
			seats: [
				{ board: 'ab', name: 'Carla College', userId: s.collegeLeiden.id, holderRole: 'college' },
				{ board: 'db', name: 'Carla College', userId: s.collegeLeiden.id, holderRole: 'college' },
				{ board: 'ab', name: 'Rik Raadslid', holderRole: 'raad' }
			]
		},
		testOrigin
	);
	await register.setSeats(
		s.db,
		s.adviseurLeiden.actor,
		{ collaborationId: sp, municipalityId: 'leiden', rapporteurs: [{ name: 'Kees Leiden', userId: s.kbLeiden.id }] },
		testOrigin
	);
});

const page = (filter: Record<string, unknown> = {}) =>
	register.registerCalendar(s.db, s.meelezer.actor, filter, { from: register.calendarPageFrom(today), today });
const summary = (entries: register.CalendarEntry[]) => entries.map((e) => [e.on, e.type, e.kind, e.collaborationName, e.municipalityId, e.overdue]);

describe('the calendar of decision moments', () => {
	it('lists the moments of the open arrangements from three months back and the coming board meetings, by date, a passed zienswijze marked', async () => {
		expect(register.calendarPageFrom(today)).toBe('2025-12-01');
		expect(summary(await page())).toEqual([
			['2026-02-20', 'moment', 'zienswijze', 'Servicepunt71', 'oegstgeest', true],
			['2026-03-20', 'moment', 'kadernota', 'Holland Rijnland', null, false],
			['2026-03-25', 'meeting', 'ab', 'Holland Rijnland', null, false],
			['2026-04-01', 'moment', 'begroting', 'Servicepunt71', null, false],
			['2026-04-10', 'moment', 'zienswijze', 'Holland Rijnland', 'voorschoten', false],
			['2026-05-15', 'moment', 'zienswijze', 'Servicepunt71', 'leiden', false]
		]);
	});

	it('for one municipality: only the arrangements it takes part in, and only the moments for all or for its own council', async () => {
		expect(summary(await page({ municipalityId: 'voorschoten' }))).toEqual([
			['2026-03-20', 'moment', 'kadernota', 'Holland Rijnland', null, false],
			['2026-03-25', 'meeting', 'ab', 'Holland Rijnland', null, false],
			['2026-04-10', 'moment', 'zienswijze', 'Holland Rijnland', 'voorschoten', false]
		]);
		expect(summary(await page({ municipalityId: 'oegstgeest' })).map((e) => e[0])).toEqual(['2026-02-20', '2026-04-01']);
	});

	it('groups by month in date order', async () => {
		const months = register.byMonth(await page({ municipalityId: 'leiden' }));
		expect(months.map((mo) => [mo.month, mo.entries.length])).toEqual([
			['2026-03', 2],
			['2026-04', 1],
			['2026-05', 1]
		]);
	});

	it('refuses an unknown municipality with the Dutch message key, and a visitor without a role', async () => {
		const bad = await rejection(page({ municipalityId: 'katwijk' }));
		expect(bad).toBeInstanceOf(ValidationError);
		expect(bad.fields).toEqual({ municipalityId: 'validation_register_municipality' });
		await expect(register.registerCalendar(s.db, null, {}, { from: null })).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('the calendar feed (.ics)', () => {
	const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

	it('holds one all-day VEVENT per moment and board meeting, with the moment id as UID, a Dutch summary and the address of the arrangement', async () => {
		const ics = await register.registerCalendarIcs(s.db, s.griffieLeiden.actor, { municipalityId: 'voorschoten' }, 'https://portaal.example');
		const lines = unfold(ics);
		expect(lines[0]).toBe('BEGIN:VCALENDAR');
		expect(lines).toContain('METHOD:PUBLISH');
		expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(4); // the feed also has the past DB meeting
		const expected = await register.registerCalendar(s.db, s.griffieLeiden.actor, { municipalityId: 'voorschoten' }, { from: null });
		expect(lines.filter((l) => l.startsWith('UID:')).map((l) => l.slice(4))).toEqual(expected.map((e) => e.id));
		expect(lines).toContain('SUMMARY:Zienswijze (uiterste datum) (Voorschoten): Holland Rijnland');
		expect(lines).toContain('SUMMARY:Algemeen bestuur: Holland Rijnland');
		expect(lines).toContain('DTSTART;VALUE=DATE:20260410');
		expect(lines).toContain(`URL:https://portaal.example/samenwerkingen/${hr}`);
		expect(lines.filter((l) => l.startsWith('DTSTAMP:'))).toHaveLength(4);
		expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
	});

	it('is the same text twice over (stable UIDs and DTSTAMPs), and a valid empty calendar when there is nothing', async () => {
		const once = await register.registerCalendarIcs(s.db, s.meelezer.actor, {}, 'https://portaal.example');
		expect(await register.registerCalendarIcs(s.db, s.meelezer.actor, {}, 'https://portaal.example')).toBe(once);
		expect(once).toContain('SUMMARY:Jaarrekening: Servicepunt71');
		expect(once).not.toContain('Oude regeling');
		const none = await register.registerCalendarIcs(s.db, s.meelezer.actor, { municipalityId: 'leiderdorp' }, 'https://portaal.example');
		expect(unfold(none).filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
	});
});

describe('dubbele petten of the people on a page', () => {
	it('gives every named person their seats in open arrangements, in one answer, and nothing for people without one', async () => {
		const hats = await register.doubleHatsOf(s.db, s.meelezer.actor, [s.collegeLeiden.id, s.kbLeiden.id, s.griffieLeiden.id, s.collegeLeiden.id, null]);
		expect(Object.keys(hats).sort()).toEqual([s.collegeLeiden.id, s.kbLeiden.id].sort());
		expect(hats[s.collegeLeiden.id].map((h) => [h.collaborationName, h.seat, h.holderRole])).toEqual([
			['Holland Rijnland', 'ab', 'college'],
			['Holland Rijnland', 'db', 'college']
		]);
		expect(hats[s.kbLeiden.id].map((h) => [h.collaborationName, h.seat, h.municipalityId])).toEqual([['Servicepunt71', 'rapporteur', 'leiden']]);
		expect(await register.seatsOfPerson(s.db, s.meelezer.actor, s.kbLeiden.id)).toEqual(hats[s.kbLeiden.id]);
	});

	it('answers nothing for no people or for a visitor without a role (the names still show)', async () => {
		expect(await register.doubleHatsOf(s.db, s.meelezer.actor, [])).toEqual({});
		expect(await register.doubleHatsOf(s.db, null, [s.collegeLeiden.id])).toEqual({});
	});
});

describe('the register overview', () => {
	it('adds the year’s total contribution to each arrangement, null when nothing is recorded', async () => {
		await register.splitContributions(s.db, s.verkenner.actor, { collaborationId: sp, year: 2026, key: 'gelijk', totalCents: 400_000_00 }, testOrigin);
		await register.splitContributions(s.db, s.verkenner.actor, { collaborationId: sp, year: 2025, key: 'gelijk', totalCents: 100_00 }, testOrigin);
		const rows = await register.registerOverview(s.db, s.meelezer.actor, {}, 2026);
		expect(rows.map((r) => [r.name, r.yearTotalCents])).toEqual([
			['Holland Rijnland', null],
			['Oude regeling', null],
			['Servicepunt71', 400_000_00]
		]);
		const voorschoten = await register.registerOverview(s.db, s.meelezer.actor, { municipalityId: 'voorschoten' }, 2026);
		expect(voorschoten.map((r) => [r.name, r.municipalityIds, r.outside])).toEqual([['Holland Rijnland', ['leiden', 'voorschoten'], ['Katwijk']]]);
	});

	it('offers the accounts of a municipality to link a board member to, and only those', async () => {
		const people = await register.linkablePeople(s.db, s.adviseurLeiden.actor, 'leiden');
		const ids = people.map((p) => p.id);
		expect(ids).toEqual(expect.arrayContaining([s.collegeLeiden.id, s.kbLeiden.id, s.griffieLeiden.id, s.adviseurLeiden.id]));
		expect(ids).not.toContain(s.meelezer.id);
		expect(ids).not.toContain(s.verkenner.id);
	});
});
