import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { comments, memberships, users } from '../../db/schema';
import type { DomainEvent } from '../../bus';
import type { CommentRow } from './views';
import { commentPlainText } from '../../../comments/markdown';
import { notify } from '../notifications';

/**
 * Writes the notifications a new comment causes (inside its transaction): the people and delegations it
 * mentions, and, for a reply, everyone who wrote in the thread before. Never the writer; an internal comment
 * only notifies members of its municipality; disabled accounts are skipped. Returns the events announcing them.
 */
export async function notifyFor(tx: Queryable, c: CommentRow, actorName: string): Promise<DomainEvent[]> {
	const wanted = new Map<string, 'mention' | 'reply'>();
	const mentionedUsers = c.mentions.filter((m) => m.kind === 'user').map((m) => m.id);
	const mentionedMunis = c.mentions.filter((m) => m.kind === 'municipality').map((m) => m.id);
	if (mentionedMunis.length) {
		// A municipality's delegation: its klankbordgroep members.
		const rows = await tx
			.select({ userId: memberships.userId })
			.from(memberships)
			.where(and(inArray(memberships.municipalityId, mentionedMunis), eq(memberships.role, 'klankbordgroeplid')));
		for (const r of rows) wanted.set(r.userId, 'mention');
	}
	for (const id of mentionedUsers) wanted.set(id, 'mention');
	if (c.parentId) {
		const rows = await tx
			.selectDistinct({ userId: comments.authorId })
			.from(comments)
			.where(and(sql`(${comments.id} = ${c.parentId} or ${comments.parentId} = ${c.parentId})`, ne(comments.id, c.id)));
		for (const r of rows) if (!wanted.has(r.userId)) wanted.set(r.userId, 'reply');
	}
	wanted.delete(c.authorId);
	if (wanted.size === 0) return [];

	// Only live accounts with a role (every role may read items); internal: only that municipality's members.
	const recipients = await tx
		.selectDistinct({ id: users.id })
		.from(users)
		.innerJoin(memberships, eq(memberships.userId, users.id))
		.where(
			and(
				inArray(users.id, [...wanted.keys()]),
				isNull(users.disabledAt),
				c.visibility === 'internal' ? eq(memberships.municipalityId, c.municipalityId ?? '') : undefined
			)
		);
	if (recipients.length === 0) return [];
	const excerpt = commentPlainText(c.body).slice(0, 140);
	return notify(
		tx,
		recipients.map((r) => ({ userId: r.id, kind: wanted.get(r.id) as string, itemId: c.itemId, commentId: c.id, actorName, excerpt }))
	);
}
