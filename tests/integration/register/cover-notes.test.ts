import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testOrigin } from '../../fixtures/factories';
import { collaborationCoverNotes } from '../../../src/lib/server/db/schema';
import * as register from '../../../src/lib/server/modules/register';
import { ValidationError } from '../../../src/lib/server/errors';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { rejection } from '../agenda/helpers';
import { registerSuite, registerAudit } from './helpers';
import { arrangementWithMeeting, locals, noteTexts, type Locals } from './governance-helpers';

const s = registerSuite();
let l: Locals;
let collaborationId: string;
let meetingId: string;

beforeAll(async () => {
	l = await locals(s.db);
	({ collaborationId, meetingId } = await arrangementWithMeeting(s));
});

const notesOf = (id: string) => s.db.select().from(collaborationCoverNotes).where(eq(collaborationCoverNotes.boardMeetingId, id));
const note = (municipalityId: string, revision: number, extra: Record<string, unknown> = {}) => ({
	boardMeetingId: meetingId,
	municipalityId,
	revision,
	...noteTexts,
	...extra
});

describe('writing a cover note', () => {
	it("writes and rewrites the municipality's own note, revision by revision, with an audit row and an event after commit", async () => {
		const first = await register.saveCoverNote(s.db, s.adviseurLeiden.actor, note('leiden', 0), testOrigin);
		expect(first.revision).toBe(1);
		expect(s.events.at(-1)).toMatchObject({ collaborationId, part: 'cover_notes', municipalityId: 'leiden' });
		const second = await register.saveCoverNote(s.db, s.adviseurLeiden.actor, note('leiden', 1, { proposedInput: '  Steun het voorstel.  ' }), testOrigin);
		expect(second).toEqual({ id: first.id, revision: 2 });
		const [row] = await notesOf(meetingId);
		expect([row.municipalityId, row.agenda, row.proposedInput, row.revision, row.updatedBy, row.sharedAt]).toEqual([
			'leiden',
			noteTexts.agenda,
			'Steun het voorstel.',
			2,
			s.adviseurLeiden.id,
			null
		]);
		const audit = (await registerAudit(s.db, collaborationId)).slice(-2);
		expect(audit.map((a) => [a.action, a.actorUserId, a.details])).toEqual([
			['collaboration.cover_note_saved', s.adviseurLeiden.id, { coverNoteId: first.id, meetingId, municipalityId: 'leiden', revision: 1 }],
			['collaboration.cover_note_saved', s.adviseurLeiden.id, { coverNoteId: first.id, meetingId, municipalityId: 'leiden', revision: 2 }]
		]);
		// The internal text stays out of the audit trail.
		expect(JSON.stringify(audit)).not.toContain('overhead');
	});

	it('refuses a stale revision with a conflict, keeping the text a colleague saved', async () => {
		const before = await notesOf(meetingId);
		const stale = await rejection(register.saveCoverNote(s.db, s.adviseurLeiden.actor, note('leiden', 1, { agenda: 'Oude versie' }), testOrigin));
		expect([stale.key, stale.status]).toEqual(['covernotes_conflict', 409]);
		// A second "new" note for the same municipality is the same conflict, not a second note.
		const twice = await rejection(register.saveCoverNote(s.db, s.adviseurLeiden.actor, note('leiden', 0), testOrigin));
		expect([twice.key, twice.status]).toEqual(['covernotes_conflict', 409]);
		expect(await notesOf(meetingId)).toEqual(before);
		expect(s.events).toEqual([]);
	});

	it('keeps each municipality its own note beside the others', async () => {
		await register.saveCoverNote(s.db, l.adviseurLeiderdorp.actor, note('leiderdorp', 0, { relevance: 'Leiderdorp betaalt mee.' }), testOrigin);
		const rows = await notesOf(meetingId);
		expect(rows.map((r) => [r.municipalityId, r.revision]).sort()).toEqual([
			['leiden', 2],
			['leiderdorp', 1]
		]);
	});

	it("refuses an official who writes another municipality's note, and everyone who writes no notes", async () => {
		const before = await notesOf(meetingId);
		const other = await rejection(register.saveCoverNote(s.db, s.adviseurLeiden.actor, note('leiderdorp', 1), testOrigin));
		expect(other).toBeInstanceOf(ForbiddenError);
		for (const who of [s.verkenner, s.admin, s.kbLeiden, s.collegeLeiden, s.griffieLeiden]) {
			expect(await rejection(register.saveCoverNote(s.db, who.actor, note('leiden', 2), testOrigin))).toBeInstanceOf(ForbiddenError);
		}
		expect(await notesOf(meetingId)).toEqual(before);
		expect(s.events).toEqual([]);
	});

	it('refuses a note for a municipality that does not take part, with a clear message', async () => {
		const err = await rejection(register.saveCoverNote(s.db, l.adviseurVoorschoten.actor, note('voorschoten', 0), testOrigin));
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fields).toEqual({ municipalityId: 'validation_register_not_participant' });
		expect((await notesOf(meetingId)).map((r) => r.municipalityId)).not.toContain('voorschoten');
	});

	it.each([
		['three empty texts', { agenda: ' ', relevance: '', proposedInput: '' }, 'agenda', 'validation_covernotes_empty'],
		['a text that is too long', { relevance: 'x'.repeat(10_001) }, 'relevance', 'validation_covernotes_text_too_long'],
		['a text that is no text', { agenda: { html: '<p>x</p>' } }, 'agenda', 'validation_covernotes_text_too_long'],
		['a negative revision', { revision: -1 }, 'revision', 'validation_covernotes_revision'],
		['a revision that is no number', { revision: 'twee' }, 'revision', 'validation_covernotes_revision'],
		['a municipality outside the five', { municipalityId: 'katwijk' }, 'municipalityId', 'validation_register_municipality'],
		['a meeting id that is no id', { boardMeetingId: '12' }, 'boardMeetingId', 'validation_covernotes_meeting_unknown'],
		['a control character', { agenda: 'a\u0000b' }, 'agenda', 'validation_forbidden_characters']
	])('refuses %s, storing nothing', async (_, extra, field, key) => {
		const before = await notesOf(meetingId);
		const err = await rejection(register.saveCoverNote(s.db, s.adviseurOegstgeest.actor, note('oegstgeest', 0, extra), testOrigin));
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fields[field]).toBe(key);
		expect(await notesOf(meetingId)).toEqual(before);
	});

	it('refuses an unknown meeting as not found', async () => {
		const err = await rejection(
			register.saveCoverNote(s.db, s.adviseurOegstgeest.actor, note('oegstgeest', 0, { boardMeetingId: '00000000-0000-4000-8000-000000000000' }), testOrigin)
		);
		expect([err.key, err.status]).toEqual(['covernotes_meeting_not_found', 404]);
	});

	it('refuses notes and comments once the arrangement has ended: its register entry is history', async () => {
		const own = await arrangementWithMeeting(s);
		const { id } = await register.saveCoverNote(s.db, s.adviseurLeiden.actor, { ...note('leiden', 0), boardMeetingId: own.meetingId }, testOrigin);
		await register.endCollaboration(s.db, s.verkenner.actor, { collaborationId: own.collaborationId, revision: 1, endsOn: '2026-12-31' }, testOrigin);
		const save = await rejection(register.saveCoverNote(s.db, s.adviseurLeiden.actor, { ...note('leiden', 1), boardMeetingId: own.meetingId }, testOrigin));
		expect([save.key, save.status]).toEqual(['register_ended', 409]);
		const comment = await rejection(
			register.postComment(s.db, s.kbLeiden.actor, { collaborationId: own.collaborationId, coverNoteId: id, body: 'Nog iets' }, testOrigin)
		);
		expect(comment.key).toBe('register_ended');
		expect((await notesOf(own.meetingId)).map((r) => r.revision)).toEqual([1]);
	});

	it('accepts the revision as the form sends it (text)', async () => {
		const res = await register.saveCoverNote(s.db, s.adviseurOegstgeest.actor, note('oegstgeest', '0' as unknown as number), testOrigin);
		expect(res.revision).toBe(1);
	});
});

describe('who reads a cover note', () => {
	let own: { collaborationId: string; meetingId: string };
	let leidenNote: string;
	beforeAll(async () => {
		own = await arrangementWithMeeting(s);
		leidenNote = (
			await register.saveCoverNote(
				s.db,
				s.adviseurLeiden.actor,
				{ boardMeetingId: own.meetingId, municipalityId: 'leiden', revision: 0, ...noteTexts },
				testOrigin
			)
		).id;
		await register.postComment(
			s.db,
			s.kbLeiden.actor,
			{ collaborationId: own.collaborationId, coverNoteId: leidenNote, body: 'Graag ook de risico’s noemen.' },
			testOrigin
		);
	});

	const seenBy = async (actor: (typeof s)['verkenner']['actor']) => {
		const list = await register.listBoardMeetings(s.db, actor, own.collaborationId);
		const one = await register.getBoardMeeting(s.db, actor, own.collaborationId, own.meetingId);
		const leiden = one.municipalities.find((t) => t.id === 'leiden')!;
		return {
			listed: list.upcoming.flatMap((mt) => mt.notes.map((n) => n.municipalityId)),
			note: leiden.note?.id ?? null,
			comments: leiden.comments.map((c) => c.body),
			summary: (await register.upcomingBoardMeetings(s.db, actor, own.collaborationId))[0].visibleNotes
		};
	};

	it('keeps an unshared note internal to its municipality, in every list and with its comments', async () => {
		for (const who of [s.adviseurLeiden, s.kbLeiden, s.collegeLeiden, s.griffieLeiden]) {
			expect(await seenBy(who.actor)).toEqual({ listed: ['leiden'], note: leidenNote, comments: ['Graag ook de risico’s noemen.'], summary: 1 });
		}
		for (const who of [l.raadLeiderdorp, l.adviseurLeiderdorp, s.verkenner, s.admin, s.meelezer]) {
			expect(await seenBy(who.actor)).toEqual({ listed: [], note: null, comments: [], summary: 0 });
		}
	});

	it('refuses what an outsider does with an unshared note as not found: sharing, commenting', async () => {
		const share = await rejection(register.shareCoverNote(s.db, l.adviseurLeiderdorp.actor, { coverNoteId: leidenNote, shared: true }, testOrigin));
		expect([share.key, share.status]).toEqual(['covernotes_note_not_found', 404]);
		const comment = await rejection(
			register.postComment(s.db, l.raadLeiderdorp.actor, { collaborationId: own.collaborationId, coverNoteId: leidenNote, body: 'Meekijken' }, testOrigin)
		);
		expect([comment.key, comment.status]).toEqual(['covernotes_note_not_found', 404]);
	});

	it('refuses a council member of the same municipality who tries to share (they read, the officials write)', async () => {
		expect(await rejection(register.shareCoverNote(s.db, s.kbLeiden.actor, { coverNoteId: leidenNote, shared: true }, testOrigin))).toBeInstanceOf(
			ForbiddenError
		);
	});

	it('shows a shared note and its comments to every reader of the register, and hides them again when sharing is taken back', async () => {
		const { sharedAt } = await register.shareCoverNote(s.db, s.adviseurLeiden.actor, { coverNoteId: leidenNote, shared: 'true' }, testOrigin);
		expect(sharedAt).toBeInstanceOf(Date);
		expect(s.events.at(-1)).toMatchObject({ part: 'cover_notes', municipalityId: 'leiden' });
		for (const who of [l.raadLeiderdorp, s.verkenner, s.meelezer]) {
			expect(await seenBy(who.actor)).toEqual({ listed: ['leiden'], note: leidenNote, comments: ['Graag ook de risico’s noemen.'], summary: 1 });
		}
		// Sharing again keeps the moment it was first shared.
		const again = await register.shareCoverNote(s.db, s.adviseurLeiden.actor, { coverNoteId: leidenNote, shared: true }, testOrigin);
		expect(again.sharedAt).toEqual(sharedAt);
		await register.shareCoverNote(s.db, s.adviseurLeiden.actor, { coverNoteId: leidenNote, shared: false }, testOrigin);
		expect(await seenBy(l.raadLeiderdorp.actor)).toEqual({ listed: [], note: null, comments: [], summary: 0 });
		expect(await seenBy(s.kbLeiden.actor)).toMatchObject({ note: leidenNote });
		const audit = await registerAudit(s.db, own.collaborationId);
		expect(audit.slice(-3).map((a) => a.action)).toEqual([
			'collaboration.cover_note_shared',
			'collaboration.cover_note_shared',
			'collaboration.cover_note_unshared'
		]);
	});

	it('refuses a share that is no yes or no, and an unknown note', async () => {
		const bad = await rejection(register.shareCoverNote(s.db, s.adviseurLeiden.actor, { coverNoteId: leidenNote, shared: 'misschien' }, testOrigin));
		expect(bad.fields).toEqual({ shared: 'validation_covernotes_share' });
		const unknown = await rejection(
			register.shareCoverNote(s.db, s.adviseurLeiden.actor, { coverNoteId: '00000000-0000-4000-8000-000000000000', shared: true }, testOrigin)
		);
		expect(unknown.status).toBe(404);
		const noId = await rejection(register.shareCoverNote(s.db, s.adviseurLeiden.actor, { coverNoteId: 7, shared: true }, testOrigin));
		expect(noId.fields).toEqual({ coverNoteId: 'validation_covernotes_note_unknown' });
	});

	it('refuses reading the meeting of another arrangement, or ids that are no ids', async () => {
		const missing = await rejection(register.getBoardMeeting(s.db, s.kbLeiden.actor, collaborationId, own.meetingId));
		expect([missing.key, missing.status]).toEqual(['covernotes_meeting_not_found', 404]);
		const noId = await rejection(register.getBoardMeeting(s.db, s.kbLeiden.actor, own.collaborationId, 'vergadering'));
		expect([noId.fields, noId.status]).toEqual([{ meetingId: 'validation_covernotes_meeting_unknown' }, 404]);
		expect(await rejection(register.listBoardMeetings(s.db, null, own.collaborationId))).toBeInstanceOf(ForbiddenError);
	});

	it('tells which municipalities the actor writes for', async () => {
		const one = await register.getBoardMeeting(s.db, s.adviseurLeiden.actor, own.collaborationId, own.meetingId);
		expect(one.municipalities.map((t) => [t.id, t.mayWrite])).toEqual([
			['leiden', true],
			['leiderdorp', false],
			['oegstgeest', false],
			['zoeterwoude', false]
		]);
		// A council member reads their own municipality's unshared notes (the page says "no note yet" there, not "none shared").
		const council = await register.getBoardMeeting(s.db, s.kbLeiden.actor, own.collaborationId, own.meetingId);
		expect(council.municipalities.map((t) => [t.id, t.mayWrite, t.readsInternal])).toEqual([
			['leiden', false, true],
			['leiderdorp', false, false],
			['oegstgeest', false, false],
			['zoeterwoude', false, false]
		]);
	});
});
