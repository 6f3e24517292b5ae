import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testOrigin } from '../../fixtures/factories';
import { collaborationBoardMeetings } from '../../../src/lib/server/db/schema';
import * as register from '../../../src/lib/server/modules/register';
import { DomainError, ValidationError } from '../../../src/lib/server/errors';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { rejection } from '../agenda/helpers';
import { registerAudit } from './helpers';
import { arrangementWithMeeting, meetingSuite, noteTexts } from './governance-helpers';

const s = meetingSuite();

const meetingsOf = (id: string) => s.db.select().from(collaborationBoardMeetings).where(eq(collaborationBoardMeetings.collaborationId, id));

describe('board meetings', () => {
	it('adds, changes and removes a meeting with its documents, each with an audit row and an event after commit', async () => {
		const docs = [{ title: 'Agenda', url: 'https://example.org/agenda.pdf' }];
		const { id } = await register.addBoardMeeting(
			s.db,
			s.admin.actor,
			{ collaborationId: s.collaborationId, board: 'pho', on: '2027-01-20', documents: docs },
			testOrigin
		);
		expect(s.events.at(-1)).toMatchObject({ collaborationId: s.collaborationId, part: 'board_meetings', municipalityId: null });
		await register.changeBoardMeeting(
			s.db,
			s.verkenner.actor,
			{ collaborationId: s.collaborationId, meetingId: id, board: 'db', on: '2027-01-21', title: 'Extra vergadering', documents: docs },
			testOrigin
		);
		const [row] = (await meetingsOf(s.collaborationId)).filter((mt) => mt.id === id);
		expect([row.board, row.on, row.title, row.documents]).toEqual(['db', '2027-01-21', 'Extra vergadering', docs]);
		await register.removeBoardMeeting(s.db, s.verkenner.actor, { collaborationId: s.collaborationId, meetingId: id }, testOrigin);
		expect((await meetingsOf(s.collaborationId)).map((mt) => mt.id)).toEqual([s.meetingId]);
		const audit = await registerAudit(s.db, s.collaborationId);
		expect(audit.slice(-3).map((a) => a.action)).toEqual([
			'collaboration.board_meeting_added',
			'collaboration.board_meeting_changed',
			'collaboration.board_meeting_removed'
		]);
		expect(audit.at(-2)!.details).toEqual({
			meetingId: id,
			changes: { board: { from: 'pho', to: 'db' }, on: { from: '2027-01-20', to: '2027-01-21' }, title: { from: '', to: 'Extra vergadering' } }
		});
		expect(s.events.map((e) => e.part)).toEqual(['board_meetings', 'board_meetings', 'board_meetings']);
	});

	it.each([
		['an unknown board', { board: 'rvc' }, 'board', 'validation_covernotes_board'],
		['a date that does not exist', { on: '2026-02-30' }, 'on', 'validation_register_date'],
		['a date of another shape', { on: '16-12-2026' }, 'on', 'validation_register_date'],
		['a number for a date', { on: 20261216 }, 'on', 'validation_register_date'],
		['a title that is too long', { title: 'x'.repeat(201) }, 'title', 'validation_covernotes_title'],
		['a document over http', { documents: [{ title: 'Agenda', url: 'http://example.org/a.pdf' }] }, 'documents.0.url', 'validation_register_document'],
		['a document without a title', { documents: [{ title: ' ', url: 'https://example.org/a.pdf' }] }, 'documents.0.title', 'validation_register_document'],
		['documents that are no list', { documents: 'https://example.org' }, 'documents', 'validation_register_document'],
		['an arrangement id that is no id', { collaborationId: 'servicepunt' }, 'collaborationId', 'validation_register_unknown']
	])('refuses %s, storing nothing', async (_, extra, field, key) => {
		const before = await meetingsOf(s.collaborationId);
		const err = await rejection(
			register.addBoardMeeting(s.db, s.verkenner.actor, { collaborationId: s.collaborationId, board: 'ab', on: '2026-12-16', ...extra }, testOrigin)
		);
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fields[field]).toBe(key);
		expect(await meetingsOf(s.collaborationId)).toEqual(before);
		expect(s.events).toEqual([]);
	});

	it('refuses an unknown arrangement or meeting as not found', async () => {
		const unknown = '00000000-0000-4000-8000-000000000000';
		const noArrangement = await rejection(
			register.addBoardMeeting(s.db, s.verkenner.actor, { collaborationId: unknown, board: 'ab', on: '2026-12-16' }, testOrigin)
		);
		expect([noArrangement.key, noArrangement.status]).toEqual(['register_not_found', 404]);
		const noMeeting = await rejection(
			register.removeBoardMeeting(s.db, s.verkenner.actor, { collaborationId: s.collaborationId, meetingId: unknown }, testOrigin)
		);
		expect(noMeeting).toBeInstanceOf(DomainError);
		expect([noMeeting.key, noMeeting.status]).toEqual(['covernotes_meeting_not_found', 404]);
		// A meeting of another arrangement is not found through this one.
		const other = await arrangementWithMeeting(s);
		const wrong = await rejection(
			register.changeBoardMeeting(
				s.db,
				s.verkenner.actor,
				{ collaborationId: s.collaborationId, meetingId: other.meetingId, board: 'ab', on: '2026-12-17' },
				testOrigin
			)
		);
		expect(wrong.key).toBe('covernotes_meeting_not_found');
	});

	it('is for those who keep the register: no municipal official, council member or college member plans meetings', async () => {
		for (const who of [s.adviseurLeiden, s.kbLeiden, s.collegeLeiden, s.griffieLeiden, s.meelezer]) {
			const err = await rejection(register.addBoardMeeting(s.db, who.actor, { collaborationId: s.collaborationId, board: 'ab', on: '2026-12-20' }, testOrigin));
			expect(err).toBeInstanceOf(ForbiddenError);
			const gone = await rejection(register.removeBoardMeeting(s.db, who.actor, { collaborationId: s.collaborationId, meetingId: s.meetingId }, testOrigin));
			expect(gone).toBeInstanceOf(ForbiddenError);
		}
		expect((await meetingsOf(s.collaborationId)).length).toBe(1);
		expect(s.events).toEqual([]);
	});

	it('keeps a meeting a municipality already wrote a cover note for', async () => {
		const own = await arrangementWithMeeting(s);
		await register.saveCoverNote(
			s.db,
			s.adviseurLeiden.actor,
			{ boardMeetingId: own.meetingId, municipalityId: 'leiden', revision: 0, ...noteTexts },
			testOrigin
		);
		const err = await rejection(
			register.removeBoardMeeting(s.db, s.verkenner.actor, { collaborationId: own.collaborationId, meetingId: own.meetingId }, testOrigin)
		);
		expect(err.fields).toEqual({ meetingId: 'validation_covernotes_meeting_has_notes' });
		expect((await meetingsOf(own.collaborationId)).length).toBe(1);
	});

	it('lists coming meetings first (soonest first), then past ones (latest first)', async () => {
		const own = await arrangementWithMeeting(s, '2026-12-16');
		for (const on of ['2026-03-01', '2027-02-01', '2026-11-01'])
			await register.addBoardMeeting(s.db, s.verkenner.actor, { collaborationId: own.collaborationId, board: 'db', on }, testOrigin);
		const list = await register.listBoardMeetings(s.db, s.meelezer.actor, own.collaborationId, '2026-12-06');
		expect(list.upcoming.map((mt) => mt.on)).toEqual(['2026-12-16', '2027-02-01']);
		expect(list.past.map((mt) => mt.on)).toEqual(['2026-11-01', '2026-03-01']);
		const summary = await register.upcomingBoardMeetings(s.db, s.meelezer.actor, own.collaborationId, 1, '2026-12-06');
		expect(summary).toEqual([{ id: own.meetingId, board: 'ab', on: '2026-12-16', title: 'Begroting 2027', visibleNotes: 0 }]);
	});

	it('refuses to change the meetings of an ended arrangement', async () => {
		const own = await arrangementWithMeeting(s);
		await register.endCollaboration(s.db, s.verkenner.actor, { collaborationId: own.collaborationId, revision: 1, endsOn: '2026-12-31' }, testOrigin);
		const err = await rejection(
			register.addBoardMeeting(s.db, s.verkenner.actor, { collaborationId: own.collaborationId, board: 'ab', on: '2027-01-01' }, testOrigin)
		);
		expect([err.key, err.status]).toEqual(['register_ended', 409]);
	});
});
