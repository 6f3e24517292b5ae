import { and, eq, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db';
import { collaborationCoverNotes, type CoverNoteRow } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { coverNoteSchema, coverNoteShareSchema } from '../../../validation/register-governance';
import { assertParticipates, changeCollaboration } from './change';
import { loadBoardMeeting } from './board-meetings';
import { mayReadCoverNote } from './cover-note-visibility';

/** A cover note this actor may see; one they may not see is "not found", so its existence does not leak either. */
export async function loadVisibleCoverNote(q: Queryable, actor: Actor | null, coverNoteId: string, opts: { lock?: boolean } = {}): Promise<CoverNoteRow> {
	const base = q.select().from(collaborationCoverNotes).where(eq(collaborationCoverNotes.id, coverNoteId));
	const [row] = opts.lock ? await base.for('update') : await base;
	if (!row || !mayReadCoverNote(actor, row)) throw new DomainError('covernotes_note_not_found', {}, {}, 404);
	return row;
}

/**
 * Writes or rewrites a municipality's cover note for a board meeting, by that municipality's officials. The
 * writer names the revision they saw (0 for a new note): a stale one is refused, so nobody overwrites a
 * colleague's text unseen. Only for a municipality that takes part in the arrangement.
 */
export async function saveCoverNote(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ id: string; revision: number }> {
	const data = parse(coverNoteSchema, input);
	authorize(actor, 'register.covernote', { municipalityId: data.municipalityId });
	const meeting = await loadBoardMeeting(db, data.boardMeetingId);
	let saved = { id: '', revision: 0 };
	await changeCollaboration(db, actor, meeting.collaborationId, origin, async (tx) => {
		// Under the arrangement's lock: a meeting removed meanwhile is not found, not a broken reference.
		await loadBoardMeeting(tx, meeting.id, meeting.collaborationId);
		await assertParticipates(tx, meeting.collaborationId, data.municipalityId);
		const [existing] = await tx
			.select({ id: collaborationCoverNotes.id, revision: collaborationCoverNotes.revision })
			.from(collaborationCoverNotes)
			.where(and(eq(collaborationCoverNotes.boardMeetingId, meeting.id), eq(collaborationCoverNotes.municipalityId, data.municipalityId)))
			.for('update');
		if ((existing?.revision ?? 0) !== data.revision) throw new DomainError('covernotes_conflict', {}, {}, 409);
		const texts = {
			agenda: data.agenda,
			relevance: data.relevance,
			proposedInput: data.proposedInput,
			updatedBy: actor?.userId ?? null,
			updatedAt: new Date()
		};
		const [row] = existing
			? await tx
					.update(collaborationCoverNotes)
					.set({ ...texts, revision: sql`${collaborationCoverNotes.revision} + 1` })
					.where(eq(collaborationCoverNotes.id, existing.id))
					.returning({ id: collaborationCoverNotes.id, revision: collaborationCoverNotes.revision })
			: await tx
					.insert(collaborationCoverNotes)
					.values({ ...texts, boardMeetingId: meeting.id, collaborationId: meeting.collaborationId, municipalityId: data.municipalityId })
					.returning({ id: collaborationCoverNotes.id, revision: collaborationCoverNotes.revision });
		saved = row;
		return {
			action: 'collaboration.cover_note_saved',
			details: { coverNoteId: row.id, meetingId: meeting.id, municipalityId: data.municipalityId, revision: row.revision },
			part: 'cover_notes',
			municipalityId: data.municipalityId
		};
	});
	return saved;
}

/**
 * Shares a cover note with every reader of the register, or takes the sharing back (it is internal to the
 * municipality again, its comments with it). Sharing an already shared note keeps the moment it was first shared.
 */
export async function shareCoverNote(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ sharedAt: Date | null }> {
	const { coverNoteId, shared } = parse(coverNoteShareSchema, input);
	const note = await loadVisibleCoverNote(db, actor, coverNoteId);
	authorize(actor, 'register.covernote', { municipalityId: note.municipalityId });
	let sharedAt: Date | null = null;
	await changeCollaboration(db, actor, note.collaborationId, origin, async (tx) => {
		const current = await loadVisibleCoverNote(tx, actor, coverNoteId, { lock: true });
		sharedAt = shared ? (current.sharedAt ?? new Date()) : null;
		await tx.update(collaborationCoverNotes).set({ sharedAt }).where(eq(collaborationCoverNotes.id, coverNoteId));
		const details = { coverNoteId, meetingId: note.boardMeetingId, municipalityId: note.municipalityId };
		return {
			...(shared ? { action: 'collaboration.cover_note_shared' as const, details } : { action: 'collaboration.cover_note_unshared' as const, details }),
			part: 'cover_notes',
			municipalityId: note.municipalityId
		};
	});
	return { sharedAt };
}
