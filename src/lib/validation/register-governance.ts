import { z } from 'zod';
import { municipalityIds } from '../roles';
import { boardMeetingKinds, COVER_NOTE_TEXT_MAX, REGISTER_COMMENT_MAX } from '../register/constants';
import { collaborationIdSchema, documentSchema, registerDateSchema } from './register';

/**
 * The register's governance: board meetings of an arrangement, the municipalities' cover notes
 * (*oplegnotities*) for them, and comments. The payloads of every command; messages are message keys.
 */

const MEETING_DOCUMENTS_MAX = 20;

export const boardMeetingIdSchema = z.uuid('validation_covernotes_meeting_unknown');
export const coverNoteIdSchema = z.uuid('validation_covernotes_note_unknown');
const municipalityId = z.enum(municipalityIds, { message: 'validation_register_municipality' });

/** A board meeting as the add form sends it; `meetingId` when changing or removing one. */
export const boardMeetingSchema = z.object({
	collaborationId: collaborationIdSchema,
	board: z.enum(boardMeetingKinds, { message: 'validation_covernotes_board' }),
	on: registerDateSchema,
	title: z.string('validation_covernotes_title').trim().max(200, 'validation_covernotes_title').default(''),
	documents: z.array(documentSchema, 'validation_register_document').max(MEETING_DOCUMENTS_MAX, 'validation_register_too_many').default([])
});
export const boardMeetingChangeSchema = boardMeetingSchema.extend({ meetingId: boardMeetingIdSchema });
export const boardMeetingRemoveSchema = z.object({ collaborationId: collaborationIdSchema, meetingId: boardMeetingIdSchema });

const noteText = z.string('validation_covernotes_text_too_long').trim().max(COVER_NOTE_TEXT_MAX, 'validation_covernotes_text_too_long').default('');

/**
 * A municipality's cover note for one board meeting. `revision` is the one the writer saw: 0 for a note that
 * did not exist yet. A note says something: at least one of its three texts is filled in.
 */
export const coverNoteSchema = z
	.object({
		boardMeetingId: boardMeetingIdSchema,
		municipalityId,
		revision: z.coerce.number('validation_covernotes_revision').int('validation_covernotes_revision').min(0, 'validation_covernotes_revision'),
		agenda: noteText,
		relevance: noteText,
		proposedInput: noteText
	})
	.superRefine((v, ctx) => {
		if (!v.agenda && !v.relevance && !v.proposedInput) ctx.addIssue({ code: 'custom', path: ['agenda'], message: 'validation_covernotes_empty' });
	});

/** Sharing a cover note with every reader of the register, or taking the sharing back. */
export const coverNoteShareSchema = z.object({
	coverNoteId: coverNoteIdSchema,
	shared: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean('validation_covernotes_share'))
});

/** A comment on an arrangement, or on one of its cover notes (`coverNoteId`). */
export const registerCommentSchema = z.object({
	collaborationId: collaborationIdSchema,
	coverNoteId: z.preprocess((v) => (v === '' ? null : v), coverNoteIdSchema.nullable()).default(null),
	body: z
		.string('validation_covernotes_comment_required')
		.trim()
		.min(1, 'validation_covernotes_comment_required')
		.max(REGISTER_COMMENT_MAX, 'validation_covernotes_comment_too_long')
});

/**
 * The fields of the board meeting form as the command takes them: the document rows come as parallel lists
 * (`documentTitle[]`, `documentUrl[]`); a row left empty is no document.
 */
export function boardMeetingFormInput(values: Record<string, unknown>): Record<string, unknown> {
	const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
	const titles = list(values.documentTitle);
	const urls = list(values.documentUrl);
	const documents = Array.from({ length: Math.max(titles.length, urls.length) }, (_, i) => ({ title: titles[i] ?? '', url: urls[i] ?? '' })).filter(
		(d) => !(isBlank(d.title) && isBlank(d.url))
	);
	const { documentTitle: _t, documentUrl: _u, ...rest } = values;
	return { ...rest, documents };
}

const isBlank = (v: unknown) => (typeof v === 'string' ? v.trim() === '' : v === undefined || v === null);
