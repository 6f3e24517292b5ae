import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { interviews } from '../../db/schema';
import { DomainError, ValidationError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import { NOTES_TEXT_MAX, saveNotesSchema } from '../../../validation/interviews';
import { notesToSnapshot } from './notes-html';
import { loadInterview, nextSeq } from './state';
import { inTransaction } from '../../bus';
import { interviewChanged } from './events';

export interface SavedNotes {
	notesRevision: number;
	notesSavedAt: string | null;
	/** False when the text was already stored (a resend after a lost answer). */
	changed: boolean;
}

/** The notes as they are stored now, for an editor whose save was refused. */
export interface CurrentNotes {
	html: string;
	text: string;
	revision: number;
	savedAt: string | null;
}

/**
 * The editor's text was based on an older revision than the one stored: someone (or another device) saved
 * in between. Nothing is stored; the editor gets the current notes so the verkenner can choose.
 */
export class NotesConflictError extends DomainError {
	constructor(readonly current: CurrentNotes) {
		super('interviews_notes_conflict', {}, {}, 409);
	}
}

/**
 * Saves the notes of an interview, based on the revision the editor last saw (optimistic concurrency).
 * Sending the text that is already stored succeeds whatever its base: that is a resend whose answer got lost.
 */
export async function saveNotes(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<SavedNotes> {
	const data = parse(saveNotesSchema, input);
	authorize(actor, 'interview.manage');
	const notes = notesToSnapshot(data.doc);
	if (notes.text.length > NOTES_TEXT_MAX) throw new ValidationError({ doc: 'validation_interview_notes_too_long' });

	const out = await inTransaction(db, async (tx, events) => {
		const row = await loadInterview(tx, actor, data.interviewId, { lock: true });
		const savedAt = row.notesSavedAt?.toISOString() ?? null;
		if (row.notesHtml === notes.html) return { row, revision: row.notesRevision, savedAt, seq: null };
		if (row.notesRevision !== data.baseRevision) {
			throw new NotesConflictError({ html: row.notesHtml, text: row.notesText, revision: row.notesRevision, savedAt });
		}
		const now = new Date();
		const revision = row.notesRevision + 1;
		await tx
			.update(interviews)
			.set({ notesHtml: notes.html, notesText: notes.text, notesRevision: revision, notesSavedAt: now })
			.where(eq(interviews.id, row.id));
		const seq = await nextSeq(tx, row.id);
		await record(tx, {
			actor,
			action: 'interview.notes_saved',
			objectType: 'interview',
			objectId: row.id,
			origin,
			details: { revision, characters: notes.text.length }
		});
		events.add(interviewChanged(row, { seq, kind: 'notes', notesRevision: revision }, null, actor));
		return { row, revision, savedAt: now.toISOString(), seq };
	});

	return { notesRevision: out.revision, notesSavedAt: out.savedAt, changed: out.seq !== null };
}
