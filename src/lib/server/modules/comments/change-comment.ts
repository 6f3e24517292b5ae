import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db';
import { commentRevisions, comments } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import { commentRefSchema, editCommentSchema, resolveThreadSchema } from '../../../validation/comments';
import type { CommentChangedEvent, CommentView } from '../../../realtime/events';
import { nextCommentSeq } from './sequence';
import { toViews, type CommentRow } from './views';
import { mayRead } from './visibility';
import { event, inTransaction } from '../../bus';

type Change = Exclude<CommentChangedEvent['change'], 'created'>;

/** Loads a comment the actor may read, locked for the change; otherwise "not found" (no hint that it exists). */
async function loadForChange(tx: Tx, actor: Actor, id: string): Promise<CommentRow> {
	const [row] = await tx.select().from(comments).where(eq(comments.id, id)).for('update');
	if (!row || !mayRead(actor, row)) throw new DomainError('comments_not_found', {}, {}, 404);
	return row;
}

async function commit(
	db: Db,
	actor: Actor,
	origin: Origin,
	id: string,
	change: (tx: Tx, row: CommentRow, seq: number) => Promise<{ kind: Change; details: { length?: number } } | null>
): Promise<CommentView> {
	const out = await inTransaction(db, async (tx, events) => {
		const row = await loadForChange(tx, actor, id);
		const seq = await nextCommentSeq(tx, row.itemId);
		const done = await change(tx, row, seq);
		if (!done) return null;
		const [updated] = await tx.select().from(comments).where(eq(comments.id, id));
		await record(tx, {
			actor,
			action: `comment.${done.kind}`,
			objectType: 'comment',
			objectId: id,
			origin,
			details: { itemId: row.itemId, seq, ...done.details }
		});
		const [view] = await toViews(tx, [updated]);
		events.add(event(`comment.${done.kind}`, { comment: view }));
		return view;
	});
	if (!out) {
		// Nothing to change (already in that state): answer with the comment as it is, publish nothing.
		const [row] = await db.select().from(comments).where(eq(comments.id, id));
		return (await toViews(db, [row]))[0];
	}
	return out;
}

/** Edits one's own comment; the earlier text is kept as a revision (viewable, marked *bewerkt*). */
export async function editComment(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<CommentView> {
	authorize(actor, 'item.comment');
	const data = parse(editCommentSchema, input);
	return commit(db, actor, origin, data.id, async (tx, row, seq) => {
		if (row.authorId !== actor.userId) throw new DomainError('comments_not_yours', {}, {}, 403);
		if (row.deletedAt) throw new DomainError('comments_deleted', {}, {}, 409);
		if (row.body === data.body && row.stance === data.stance) return null;
		await tx.insert(commentRevisions).values({ commentId: row.id, body: row.body, stance: row.stance, writtenAt: row.editedAt ?? row.createdAt });
		await tx.update(comments).set({ body: data.body, stance: data.stance, editedAt: new Date(), seq }).where(eq(comments.id, row.id));
		return { kind: 'edited', details: { length: data.body.length } };
	});
}

/** Deletes one's own comment: the row stays as a tombstone, its text and earlier texts are removed. */
export async function deleteComment(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<CommentView> {
	authorize(actor, 'item.comment');
	const { id } = parse(commentRefSchema, input);
	return commit(db, actor, origin, id, async (tx, row, seq) => {
		if (row.authorId !== actor.userId) throw new DomainError('comments_not_yours', {}, {}, 403);
		if (row.deletedAt) return null;
		await tx.delete(commentRevisions).where(eq(commentRevisions.commentId, row.id));
		await tx
			.update(comments)
			.set({ body: '', stance: null, mentions: [], anchorQuote: row.anchorQuote === null ? null : '', deletedAt: new Date(), seq })
			.where(eq(comments.id, row.id));
		return { kind: 'deleted', details: {} };
	});
}

/** Resolves or reopens a thread (given its root); anyone who may comment and read the thread. */
export async function resolveThread(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<CommentView> {
	authorize(actor, 'item.comment');
	const data = parse(resolveThreadSchema, input);
	return commit(db, actor, origin, data.id, async (tx, row, seq) => {
		if (row.parentId) throw new DomainError('comments_resolve_root_only', {}, {}, 400);
		if (!!row.resolvedAt === data.resolved) return null;
		await tx
			.update(comments)
			.set(data.resolved ? { resolvedAt: new Date(), resolvedBy: actor.userId, seq } : { resolvedAt: null, resolvedBy: null, seq })
			.where(eq(comments.id, row.id));
		return { kind: data.resolved ? 'resolved' : 'reopened', details: {} };
	});
}
