import { isDeepStrictEqual } from 'node:util';
import { and, count, eq } from 'drizzle-orm';
import type { Db, Queryable } from '../../db';
import { collaborationBoardMeetings, collaborationCoverNotes, type BoardMeetingRow } from '../../db/schema';
import { DomainError, ValidationError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { boardMeetingChangeSchema, boardMeetingRemoveSchema, boardMeetingSchema } from '../../../validation/register-governance';
import { changeCollaboration } from './change';

/** A board meeting (of one arrangement, when named); anything else (another arrangement's, a removed one) is not found. */
export async function loadBoardMeeting(q: Queryable, meetingId: string, collaborationId?: string, opts: { lock?: boolean } = {}): Promise<BoardMeetingRow> {
	const where = collaborationId
		? and(eq(collaborationBoardMeetings.id, meetingId), eq(collaborationBoardMeetings.collaborationId, collaborationId))
		: eq(collaborationBoardMeetings.id, meetingId);
	const base = q.select().from(collaborationBoardMeetings).where(where);
	const [row] = opts.lock ? await base.for('update') : await base;
	if (!row) throw new DomainError('covernotes_meeting_not_found', {}, {}, 404);
	return row;
}

/** Plans a meeting of the arrangement's general or daily board or portefeuillehoudersoverleg, with its documents. */
export async function addBoardMeeting(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ id: string }> {
	const data = parse(boardMeetingSchema, input);
	authorize(actor, 'register.manage');
	let id = '';
	await changeCollaboration(db, actor, data.collaborationId, origin, async (tx) => {
		const [row] = await tx.insert(collaborationBoardMeetings).values(data).returning({ id: collaborationBoardMeetings.id });
		id = row.id;
		return { action: 'collaboration.board_meeting_added', details: { meetingId: id, board: data.board, on: data.on }, part: 'board_meetings' };
	});
	return { id };
}

/** Changes a board meeting (its board, date, title, documents); the audit row holds what changed. */
export async function changeBoardMeeting(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ seq: number }> {
	const { meetingId, collaborationId, ...next } = parse(boardMeetingChangeSchema, input);
	authorize(actor, 'register.manage');
	return changeCollaboration(db, actor, collaborationId, origin, async (tx) => {
		const before = await loadBoardMeeting(tx, meetingId, collaborationId, { lock: true });
		await tx.update(collaborationBoardMeetings).set(next).where(eq(collaborationBoardMeetings.id, meetingId));
		const changes = Object.fromEntries(
			(Object.keys(next) as (keyof typeof next)[]).filter((k) => !isDeepStrictEqual(before[k], next[k])).map((k) => [k, { from: before[k], to: next[k] }])
		);
		return { action: 'collaboration.board_meeting_changed', details: { meetingId, changes }, part: 'board_meetings' };
	});
}

/**
 * Removes a board meeting planned by mistake. A meeting a municipality already wrote a cover note for stays:
 * removing it would take the municipality's work with it (change its date instead).
 */
export async function removeBoardMeeting(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ seq: number }> {
	const { collaborationId, meetingId } = parse(boardMeetingRemoveSchema, input);
	authorize(actor, 'register.manage');
	return changeCollaboration(db, actor, collaborationId, origin, async (tx) => {
		const meeting = await loadBoardMeeting(tx, meetingId, collaborationId, { lock: true });
		const [notes] = await tx.select({ n: count() }).from(collaborationCoverNotes).where(eq(collaborationCoverNotes.boardMeetingId, meetingId));
		if (notes.n > 0) throw new ValidationError({ meetingId: 'validation_covernotes_meeting_has_notes' }, 'validation_covernotes_meeting_has_notes');
		await tx.delete(collaborationBoardMeetings).where(eq(collaborationBoardMeetings.id, meetingId));
		return { action: 'collaboration.board_meeting_removed', details: { meetingId, board: meeting.board, on: meeting.on }, part: 'board_meetings' };
	});
}
