import { and, count, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Db, Queryable } from '../../db';
import { comments, municipalities, users } from '../../db/schema';
import * as agenda from '../agenda-items';
import { isForeignKeyViolation } from '../../db/pg-errors';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import { postCommentSchema } from '../../../validation/comments';
import { scenarioOfField, type RichTextField } from '../../../validation/collab';
import type { CommentView } from '../../../realtime/events';
import { nextCommentSeq } from './sequence';
import { newCommentView, viewOf } from './views';
import { mayRead, ownMunicipalities } from './visibility';
import { notifyFor } from './notify';
import { event, inTransaction, publish } from '../../bus';

/** A passage in a scenario's description can only be commented on while that scenario is one of the item's. */
async function assertAnchorField(tx: Queryable, itemId: string, field: RichTextField): Promise<void> {
	const scenarioId = scenarioOfField(field);
	if (!scenarioId) return;
	if (!(await agenda.isLiveScenarioOf(tx, itemId, scenarioId))) throw new DomainError('validation_comment_anchor', {}, { anchor: 'validation_comment_anchor' });
}

/** How many comments one person may post per minute (all nodes together: counted in the database). */
export const commentRate = { perMinute: Number(process.env.COMMENT_RATE_PER_MINUTE ?? 60) };

/** The same id posted again by its author: the stored comment, acknowledged again, never a second row. */
class AlreadyStored extends Error {}

/**
 * Posts a comment or a reply. The id comes from the client: a resend (lost acknowledgement, reconnect,
 * reload with a full outbox) returns the comment that is already stored. Acknowledged after commit.
 */
export async function postComment(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<CommentView> {
	authorize(actor, 'item.comment');
	const data = parse(postCommentSchema, input);

	try {
		return await inTransaction(db, async (tx, events) => {
			let { visibility, municipalityId } = data;
			let parentId: string | null = null;
			if (data.parentId) {
				const [parent] = await tx.select().from(comments).where(eq(comments.id, data.parentId));
				if (!parent || parent.itemId !== data.itemId || !mayRead(actor, parent)) throw new DomainError('comments_not_found', {}, {}, 404);
				// A reply belongs to the thread of the root and shares its visibility.
				parentId = parent.parentId ?? parent.id;
				const root = parent.parentId ? (await tx.select().from(comments).where(eq(comments.id, parentId)))[0] : parent;
				visibility = root.visibility as typeof visibility;
				municipalityId = root.municipalityId;
			} else if (visibility === 'internal') {
				const own = ownMunicipalities(actor);
				municipalityId ??= own.length === 1 ? own[0] : null;
				if (!municipalityId || !own.includes(municipalityId))
					throw new DomainError('comments_internal_needs_municipality', {}, { visibility: 'comments_internal_needs_municipality' });
			}
			if (visibility === 'shared') municipalityId = null;
			if (parentId && data.anchor) throw new DomainError('validation_comment_anchor', {}, { anchor: 'validation_comment_anchor' });
			if (data.anchor) await assertAnchorField(tx, data.itemId, data.anchor.field);

			const labels = await mentionLabels(tx, data.mentions);

			// Taking the item's next sequence number also proves the item exists (foreign key).
			const seq = await nextCommentSeq(tx, data.itemId).catch((err: unknown) => {
				throw isForeignKeyViolation(err) ? new DomainError('comments_item_not_found', {}, {}, 404) : err;
			});
			const [row] = await tx
				.insert(comments)
				.values({
					id: data.id,
					itemId: data.itemId,
					parentId,
					authorId: actor.userId,
					body: data.body,
					stance: data.stance,
					visibility,
					municipalityId,
					mentions: data.mentions,
					anchorField: data.anchor?.field ?? null,
					anchorStart: data.anchor ? Uint8Array.from(Buffer.from(data.anchor.start, 'base64')) : null,
					anchorEnd: data.anchor ? Uint8Array.from(Buffer.from(data.anchor.end, 'base64')) : null,
					anchorQuote: data.anchor?.quote ?? null,
					seq
				})
				.onConflictDoNothing({ target: comments.id })
				.returning();
			// Already stored (a resend, or a concurrent one that won): roll this attempt back, answer with the stored one.
			if (!row) throw new AlreadyStored();
			// Counted after the insert, so a resend is answered even when its author is at the limit.
			await checkRate(tx, actor);
			await record(tx, {
				actor,
				action: 'comment.posted',
				objectType: 'comment',
				objectId: row.id,
				origin,
				details: { itemId: row.itemId, parentId, visibility, municipalityId, seq, anchored: !!data.anchor }
			});
			const view = newCommentView(row, actor.name, labels);
			events.add(event('comment.posted', { comment: view }), ...(await notifyFor(tx, row, actor.name)));
			return view;
		});
	} catch (err) {
		// A resend is answered with what is stored, also when something it was checked against changed since.
		const stored = err instanceof AlreadyStored ? await findOwn(db, actor, data.id) : await findOwn(db, actor, data.id).catch(() => null);
		if (!stored) throw err;
		// The first attempt may have committed while its answer was lost with the database connection, before its
		// event went out: the room hears it now (clients keep the newer state of a comment, so twice is harmless).
		await publish([event('comment.posted', { comment: stored })]);
		return stored;
	}
}

async function findOwn(q: Queryable, actor: Actor, id: string): Promise<CommentView | null> {
	const [row] = await q.select({ authorId: comments.authorId }).from(comments).where(eq(comments.id, id));
	if (!row) return null;
	// Someone else's id: refused without telling anything about that comment.
	if (row.authorId !== actor.userId) throw new DomainError('comments_id_taken', {}, {}, 409);
	return viewOf(q, id);
}

/** Checks that every mentioned person (active) and municipality exists; returns their names for the view. */
async function mentionLabels(tx: Queryable, mentions: { kind: 'user' | 'municipality'; id: string }[]): Promise<Map<string, string>> {
	const userIds = [...new Set(mentions.filter((m) => m.kind === 'user').map((m) => m.id))];
	const muniIds = [...new Set(mentions.filter((m) => m.kind === 'municipality').map((m) => m.id))];
	const [u, mu] = await Promise.all([
		userIds.length
			? tx
					.select({ id: users.id, name: users.name })
					.from(users)
					.where(and(inArray(users.id, userIds), isNull(users.disabledAt)))
			: [],
		muniIds.length ? tx.select({ id: municipalities.id, name: municipalities.name }).from(municipalities).where(inArray(municipalities.id, muniIds)) : []
	]);
	if (u.length !== userIds.length || mu.length !== muniIds.length)
		throw new DomainError('validation_comment_mention', {}, { mentions: 'validation_comment_mention' });
	return new Map([...u, ...mu].map((x) => [x.id, x.name]));
}

async function checkRate(tx: Queryable, actor: Actor): Promise<void> {
	const since = new Date(Date.now() - 60_000);
	const [{ n }] = await tx
		.select({ n: count() })
		.from(comments)
		.where(and(eq(comments.authorId, actor.userId), gt(comments.createdAt, since)));
	if (Number(n) > commentRate.perMinute) throw new DomainError('comments_rate_limited', { limit: commentRate.perMinute }, {}, 429);
}
