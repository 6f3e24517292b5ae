import type { Db } from '../../db';
import { collaborationComments } from '../../db/schema';
import { ValidationError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { registerCommentSchema } from '../../../validation/register-governance';
import { changeCollaboration } from './change';
import { loadVisibleCoverNote } from './cover-notes';

/**
 * Posts a comment on an arrangement, or on one of its cover notes: only on a note the author can see, so a
 * comment on a note is read by exactly those who read the note.
 */
export async function postComment(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ id: string }> {
	const data = parse(registerCommentSchema, input);
	authorize(actor, 'register.comment');
	let id = '';
	await changeCollaboration(db, actor, data.collaborationId, origin, async (tx) => {
		const note = data.coverNoteId ? await loadVisibleCoverNote(tx, actor, data.coverNoteId) : null;
		if (note && note.collaborationId !== data.collaborationId) throw new ValidationError({ coverNoteId: 'validation_covernotes_note_unknown' });
		const [row] = await tx
			.insert(collaborationComments)
			.values({ collaborationId: data.collaborationId, coverNoteId: data.coverNoteId, authorId: actor.userId, body: data.body })
			.returning({ id: collaborationComments.id });
		id = row.id;
		return {
			action: 'collaboration.comment_posted',
			details: { commentId: id, coverNoteId: data.coverNoteId, length: data.body.length },
			part: 'comments',
			municipalityId: note?.municipalityId ?? null
		};
	});
	return { id };
}
