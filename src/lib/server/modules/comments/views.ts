import { count, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { commentRevisions, comments, municipalities, users, type CommentMention } from '../../db/schema';
import type { CommentView } from '../../../realtime/events';
import type { Stance, Visibility } from '../../../validation/comments';
import type { RichTextField } from '../../../validation/collab';
import { renderComment } from '../../../comments/markdown';

export type CommentRow = typeof comments.$inferSelect;

const b64 = (v: Uint8Array | null) => (v ? Buffer.from(v).toString('base64') : '');
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Turns rows into what readers see, with names of authors and mentions in a fixed number of queries. */
export async function toViews(q: Queryable, rows: CommentRow[]): Promise<CommentView[]> {
	if (rows.length === 0) return [];
	const userIds = new Set<string>();
	const muniIds = new Set<string>();
	for (const r of rows) {
		userIds.add(r.authorId);
		if (r.resolvedBy) userIds.add(r.resolvedBy);
		for (const m of r.mentions) (m.kind === 'user' ? userIds : muniIds).add(m.id);
	}
	const ids = rows.map((r) => r.id);
	const [people, munis, revs] = await Promise.all([
		q
			.select({ id: users.id, name: users.name })
			.from(users)
			.where(inArray(users.id, [...userIds])),
		muniIds.size
			? q
					.select({ id: municipalities.id, name: municipalities.name })
					.from(municipalities)
					.where(inArray(municipalities.id, [...muniIds]))
			: Promise.resolve([] as { id: string; name: string }[]),
		q
			.select({ commentId: commentRevisions.commentId, n: count() })
			.from(commentRevisions)
			.where(inArray(commentRevisions.commentId, ids))
			.groupBy(commentRevisions.commentId)
	]);
	const names = new Map(people.map((p) => [p.id, p.name]));
	const muniNames = new Map(munis.map((m) => [m.id, m.name]));
	const revCount = new Map(revs.map((r) => [r.commentId, Number(r.n)]));
	return rows.map((r) => toView(r, names, muniNames, revCount.get(r.id) ?? 0));
}

function toView(r: CommentRow, names: Map<string, string>, muniNames: Map<string, string>, revisions: number): CommentView {
	const deleted = !!r.deletedAt;
	return {
		id: r.id,
		itemId: r.itemId,
		parentId: r.parentId,
		author: { id: r.authorId, name: names.get(r.authorId) ?? '' },
		body: deleted ? '' : r.body,
		html: deleted ? '' : renderComment(r.body),
		stance: deleted ? null : (r.stance as Stance | null),
		visibility: r.visibility as Visibility,
		municipalityId: r.municipalityId,
		mentions: deleted
			? []
			: r.mentions.map((m: CommentMention) => ({
					kind: m.kind,
					id: m.id,
					label: (m.kind === 'user' ? names.get(m.id) : muniNames.get(m.id)) ?? m.id
				})),
		anchor:
			r.anchorField && r.anchorStart && r.anchorEnd
				? { field: r.anchorField as RichTextField, start: b64(r.anchorStart), end: b64(r.anchorEnd), quote: r.anchorQuote ?? '' }
				: null,
		resolvedAt: iso(r.resolvedAt),
		resolvedBy: r.resolvedBy ? (names.get(r.resolvedBy) ?? null) : null,
		editedAt: iso(r.editedAt),
		deletedAt: iso(r.deletedAt),
		createdAt: r.createdAt.toISOString(),
		seq: r.seq,
		revisions: deleted ? 0 : revisions
	};
}

/** The view of a comment just inserted, without asking the database again: no revisions, names known. */
export function newCommentView(row: CommentRow, authorName: string, mentionNames: Map<string, string>): CommentView {
	const names = new Map(mentionNames);
	names.set(row.authorId, authorName);
	return toView(row, names, mentionNames, 0);
}

export async function viewOf(q: Queryable, id: string): Promise<CommentView> {
	const rows = await q.select().from(comments).where(eq(comments.id, id));
	const [view] = await toViews(q, rows);
	return view;
}
