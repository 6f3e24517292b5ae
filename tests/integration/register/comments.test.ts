import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testOrigin } from '../../fixtures/factories';
import { collaborationComments } from '../../../src/lib/server/db/schema';
import * as register from '../../../src/lib/server/modules/register';
import { ValidationError } from '../../../src/lib/server/errors';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { rejection } from '../agenda/helpers';
import { registerAudit } from './helpers';
import { arrangementWithMeeting, meetingSuite, noteTexts } from './governance-helpers';

const s = meetingSuite();

const commentsOf = (id: string) => s.db.select().from(collaborationComments).where(eq(collaborationComments.collaborationId, id));

describe('comments', () => {
	it('posts a comment on the arrangement by every role, oldest first, with an audit row and an event', async () => {
		for (const who of [s.kbLeiden, s.griffieLeiden, s.collegeLeiden, s.meelezer, s.adviseurLeiden, s.verkenner])
			await register.postComment(s.db, who.actor, { collaborationId: s.collaborationId, body: `  Vraag van ${who.name}  ` }, testOrigin);
		const list = await register.listCollaborationComments(s.db, s.meelezer.actor, s.collaborationId);
		expect(list.map((c) => [c.body, c.authorName])).toEqual(
			[s.kbLeiden, s.griffieLeiden, s.collegeLeiden, s.meelezer, s.adviseurLeiden, s.verkenner].map((w) => [`Vraag van ${w.name}`, w.name])
		);
		const [last] = (await registerAudit(s.db, s.collaborationId)).slice(-1);
		expect([last.action, last.details]).toEqual([
			'collaboration.comment_posted',
			{ commentId: list.at(-1)!.id, coverNoteId: null, length: 'Vraag van Vera Verkenner'.length }
		]);
		expect(s.events.map((e) => [e.part, e.municipalityId])).toEqual(Array(6).fill(['comments', null]));
	});

	it.each([
		['an empty body', { body: '   ' }, 'body', 'validation_covernotes_comment_required'],
		['a body of 5001 characters', { body: 'x'.repeat(5001) }, 'body', 'validation_covernotes_comment_too_long'],
		['a body that is no text', { body: 42 }, 'body', 'validation_covernotes_comment_required'],
		['a cover note id that is no id', { body: 'Ja', coverNoteId: 'notitie' }, 'coverNoteId', 'validation_covernotes_note_unknown']
	])('refuses %s, storing nothing', async (_, extra, field, key) => {
		const before = await commentsOf(s.collaborationId);
		const err = await rejection(register.postComment(s.db, s.kbLeiden.actor, { collaborationId: s.collaborationId, ...extra }, testOrigin));
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fields[field]).toBe(key);
		expect(await commentsOf(s.collaborationId)).toEqual(before);
	});

	it('accepts a body of exactly 5000 characters', async () => {
		await register.postComment(s.db, s.kbLeiden.actor, { collaborationId: s.collaborationId, body: 'x'.repeat(5000) }, testOrigin);
		expect((await commentsOf(s.collaborationId)).some((c) => c.body.length === 5000)).toBe(true);
	});

	it('refuses someone who is not signed in', async () => {
		expect(await rejection(register.postComment(s.db, null, { collaborationId: s.collaborationId, body: 'Hallo' }, testOrigin))).toBeInstanceOf(ForbiddenError);
	});

	it('comments on a cover note only through the arrangement it belongs to, with the note named in the audit row and its municipality in the event', async () => {
		const { id: coverNoteId } = await register.saveCoverNote(
			s.db,
			s.adviseurLeiden.actor,
			{ boardMeetingId: s.meetingId, municipalityId: 'leiden', revision: 0, ...noteTexts },
			testOrigin
		);
		const other = await arrangementWithMeeting(s);
		const wrong = await rejection(
			register.postComment(s.db, s.kbLeiden.actor, { collaborationId: other.collaborationId, coverNoteId, body: 'Hier?' }, testOrigin)
		);
		expect(wrong.fields).toEqual({ coverNoteId: 'validation_covernotes_note_unknown' });
		s.events.length = 0;
		await register.postComment(s.db, s.kbLeiden.actor, { collaborationId: s.collaborationId, coverNoteId, body: 'Eens.' }, testOrigin);
		const [last] = (await registerAudit(s.db, s.collaborationId)).slice(-1);
		expect(last.details).toMatchObject({ coverNoteId, length: 5 });
		expect(s.events.map((e) => [e.part, e.municipalityId])).toEqual([['comments', 'leiden']]);
		// A comment on a note is not a comment on the arrangement.
		expect((await register.listCollaborationComments(s.db, s.kbLeiden.actor, s.collaborationId)).map((c) => c.body)).not.toContain('Eens.');
	});
});
