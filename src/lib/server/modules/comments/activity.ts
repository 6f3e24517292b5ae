import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { memberships, users } from '../../db/schema';
import type { CommentActivityEvent, CommentView } from '../../../realtime/events';
import { publish } from '../../realtime/publish';

/**
 * After commit: tells the agenda overviews that an item has a new comment, so their unread counts go up
 * live. The event carries no text. A shared comment goes to room `agenda` (everyone there may read it); an
 * internal one only to the members of its municipality (their `user:<id>` rooms), never to the `agenda`
 * room, where readers of other municipalities would learn that it exists. The writer's own client ignores it.
 */
export async function publishCommentActivity(q: Queryable, comment: CommentView): Promise<void> {
	const payload: CommentActivityEvent = { itemId: comment.itemId, commentId: comment.id, authorId: comment.author.id };
	if (comment.visibility === 'shared') return publish('agenda', 'comments:activity', payload);
	if (!comment.municipalityId) return;
	const members = await q
		.selectDistinct({ userId: memberships.userId })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.municipalityId, comment.municipalityId), isNull(users.disabledAt)));
	for (const m of members) if (m.userId !== comment.author.id) publish(`user:${m.userId}`, 'comments:activity', payload);
}
