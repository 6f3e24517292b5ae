import { and, asc, count, desc, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db';
import { agendaItems, commentReads, commentRevisions, comments, memberships, municipalities, notifications, users } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, can, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { commentRefSchema, commentsSinceSchema } from '../../../validation/comments';
import type { CommentView, NotificationView } from '../../../realtime/events';
import type { MentionPerson } from '../../../comments/mention-person';
import { currentCommentSeq } from './sequence';
import { toViews } from './views';
import { renderComment } from '../../../comments/markdown';
import { mayRead, visibleWhere } from './visibility';
import { notificationView } from '../notifications';

async function assertItem(q: Queryable, itemId: string): Promise<void> {
	const [item] = await q.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.id, itemId));
	if (!item) throw new DomainError('comments_item_not_found', {}, {}, 404);
}

/** All comments of an item the actor may read, in order of writing, with the current sequence number. */
export async function listComments(q: Queryable, actor: Actor | null, itemId: string): Promise<{ seq: number; comments: CommentView[] }> {
	return commentsSince(q, actor, { itemId, after: 0 });
}

/**
 * What changed after sequence number `after`: every readable comment whose latest change is newer, in
 * sequence order. The sequence number is read first, so nothing committed later is skipped by a client
 * that continues from it (it may see a comment twice, and keeps the one with the higher `seq`).
 */
export async function commentsSince(q: Queryable, actor: Actor | null, input: unknown): Promise<{ seq: number; comments: CommentView[] }> {
	authorize(actor, 'item.read');
	const { itemId, after } = parse(commentsSinceSchema, input);
	await assertItem(q, itemId);
	const seq = await currentCommentSeq(q, itemId);
	const rows = await q
		.select()
		.from(comments)
		.where(and(eq(comments.itemId, itemId), gt(comments.seq, after), visibleWhere(actor)))
		.orderBy(after === 0 ? asc(comments.createdAt) : asc(comments.seq), asc(comments.seq));
	return { seq: Math.max(seq, ...rows.map((r) => r.seq)), comments: await toViews(q, rows) };
}

/** The earlier texts of a comment, oldest first (for *bewerkt*). */
export async function commentRevisionsOf(
	q: Queryable,
	actor: Actor | null,
	input: unknown
): Promise<{ body: string; html: string; stance: string | null; writtenAt: string }[]> {
	authorize(actor, 'item.read');
	const { id } = parse(commentRefSchema, input);
	const [row] = await q.select().from(comments).where(eq(comments.id, id));
	if (!row || !mayRead(actor, row)) throw new DomainError('comments_not_found', {}, {}, 404);
	const revs = await q.select().from(commentRevisions).where(eq(commentRevisions.commentId, id)).orderBy(asc(commentRevisions.id));
	return revs.map((r) => ({ body: r.body, html: renderComment(r.body), stance: r.stance, writtenAt: r.writtenAt.toISOString() }));
}

/** Unread comments per item for the overview: readable, not one's own, not deleted, written after one last read the item. */
export async function unreadCounts(q: Queryable, actor: Actor | null, itemIds: string[]): Promise<Record<string, number>> {
	if (!actor || itemIds.length === 0) return {};
	authorize(actor, 'item.read');
	const rows = await q
		.select({ itemId: comments.itemId, n: count() })
		.from(comments)
		.leftJoin(commentReads, and(eq(commentReads.itemId, comments.itemId), eq(commentReads.userId, actor.userId)))
		.where(
			and(
				inArray(comments.itemId, itemIds),
				ne(comments.authorId, actor.userId),
				isNull(comments.deletedAt),
				visibleWhere(actor),
				sql`(${commentReads.readAt} is null or ${comments.createdAt} > ${commentReads.readAt})`
			)
		)
		.groupBy(comments.itemId);
	return Object.fromEntries(rows.map((r) => [r.itemId, Number(r.n)]));
}

/** Marks the comments of an item as read by the actor (opening the item page). */
export async function markItemRead(db: Db, actor: Actor | null, itemId: string): Promise<void> {
	if (!actor) return;
	const now = new Date();
	await db
		.insert(commentReads)
		.values({ userId: actor.userId, itemId, readAt: now })
		.onConflictDoUpdate({ target: [commentReads.userId, commentReads.itemId], set: { readAt: now } });
}

export async function listNotifications(q: Queryable, actor: Actor | null, limit = 100): Promise<NotificationView[]> {
	if (!actor) return [];
	const rows = await q
		.select({ n: notifications, title: agendaItems.title })
		.from(notifications)
		.leftJoin(agendaItems, eq(agendaItems.id, notifications.itemId))
		.where(eq(notifications.userId, actor.userId))
		.orderBy(desc(notifications.createdAt), desc(notifications.id))
		.limit(limit);
	return rows.map((r) => notificationView(r.n, r.title ?? ''));
}

export async function unreadNotificationCount(q: Queryable, actor: Actor | null): Promise<number> {
	if (!actor) return 0;
	const [{ n }] = await q
		.select({ n: count() })
		.from(notifications)
		.where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
	return Number(n);
}

export async function markNotificationsRead(db: Db, actor: Actor | null): Promise<void> {
	if (!actor) return;
	await db
		.update(notifications)
		.set({ readAt: new Date() })
		.where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
}

/** Who can be mentioned: active people with a role (each with their roles and municipalities), and the municipalities. */
export async function mentionOptions(q: Queryable, actor: Actor | null): Promise<{ people: MentionPerson[]; municipalities: { id: string; name: string }[] }> {
	if (!actor || !can(actor, 'item.comment')) return { people: [], municipalities: [] };
	const [seats, munis] = await Promise.all([
		q
			.select({ id: users.id, name: users.name, role: memberships.role, municipality: municipalities.name })
			.from(users)
			.innerJoin(memberships, eq(memberships.userId, users.id))
			.leftJoin(municipalities, eq(municipalities.id, memberships.municipalityId))
			.where(isNull(users.disabledAt))
			.orderBy(asc(users.name), asc(users.id), asc(municipalities.sortOrder), asc(memberships.role)),
		q.select({ id: municipalities.id, name: municipalities.name }).from(municipalities).orderBy(asc(municipalities.sortOrder))
	]);
	const people = new Map<string, Required<MentionPerson>>();
	for (const s of seats) {
		const p = people.get(s.id) ?? { id: s.id, name: s.name, roles: [] };
		p.roles.push({ role: s.role, municipality: s.municipality });
		people.set(s.id, p);
	}
	return { people: [...people.values()], municipalities: munis };
}
