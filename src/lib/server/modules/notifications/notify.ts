import { and, count, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { agendaItems, municipalities, notifications, users } from '../../db/schema';
import type { NotificationView } from '../../../realtime/events';
import { event, type DomainEvent } from '../../bus';
import { readConfig } from '../../config';
import { enqueueMail } from '../mail';
import { commentPlainText } from '../../../comments/markdown';
import { isNotificationKind } from '../../../notifications/kinds';
import type { Locale } from '../../../paraglide/runtime.js';
import { effectiveDeliveries } from './preferences';
import { renderImmediate, type MailNotice } from './mail-templates';
import { unsubscribeHeaders, unsubscribeLink } from './unsubscribe';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;

/**
 * The one way a notification is written, inside the transaction of the act that caused it: the rows (a
 * notification already there for the same comment is not written twice), a mail for every recipient who
 * wants this kind at once (queued in the same transaction, the row marked as mailed), and the events that
 * announce them after the commit.
 */
export async function notify(tx: Queryable, values: NewNotification[], now = new Date()): Promise<DomainEvent[]> {
	if (!values.length) return [];
	const rows = await tx.insert(notifications).values(values).onConflictDoNothing().returning();
	await mailAtOnce(tx, rows, now);
	return notificationEvents(tx, rows);
}

/** Queues the mails of the rows whose recipients want their kind at once; disabled accounts get none. */
async function mailAtOnce(tx: Queryable, rows: NotificationRow[], now: Date): Promise<void> {
	if (!rows.length) return;
	const deliveries = await effectiveDeliveries(
		tx,
		rows.map((r) => r.userId)
	);
	const due = rows.filter((r) => isNotificationKind(r.kind) && deliveries.get(r.userId)?.[r.kind] === 'immediate');
	if (!due.length) return;
	const people = await recipients(tx, due);
	const context = await mailContext(tx, due);
	const mailed: number[] = [];
	for (const r of due) {
		const person = people.get(r.userId);
		if (!person || !isNotificationKind(r.kind)) continue;
		const mail = renderImmediate(person, context.notice(r), { settings: settingsLink(), unsubscribe: unsubscribeLink(r.userId, r.kind) });
		await enqueueMail(tx, { to: person.email, userId: r.userId, kind: 'notification', ...mail, headers: unsubscribeHeaders(r.userId, r.kind) });
		mailed.push(r.id);
	}
	if (mailed.length) await tx.update(notifications).set({ mailedAt: now }).where(inArray(notifications.id, mailed));
}

/** Where a person chooses how they hear of each kind. */
export const settingsLink = (siteUrl = readConfig().siteUrl) => `${siteUrl}/account#meldingen`;

/** The live accounts among the rows' recipients, with what a mail needs: address, name, language. */
export async function recipients(q: Queryable, rows: { userId: string }[]): Promise<Map<string, { email: string; name: string; locale: Locale }>> {
	const ids = [...new Set(rows.map((r) => r.userId))];
	const found = await q
		.select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
		.from(users)
		.where(and(inArray(users.id, ids), isNull(users.disabledAt)));
	return new Map(found.map((u) => [u.id, { email: u.email, name: u.name, locale: u.locale === 'en' ? 'en' : 'nl' }]));
}

/** What the mails about these rows show besides the rows themselves: item titles, municipality names, links. */
export async function mailContext(q: Queryable, rows: NotificationRow[], siteUrl = readConfig().siteUrl) {
	const itemIds = [...new Set(rows.map((r) => r.itemId).filter((x): x is string => !!x))];
	const [titles, munis] = await Promise.all([
		itemIds.length ? q.select({ id: agendaItems.id, title: agendaItems.title }).from(agendaItems).where(inArray(agendaItems.id, itemIds)) : [],
		q.select({ id: municipalities.id, name: municipalities.name }).from(municipalities)
	]);
	const titleOf = new Map(titles.map((t) => [t.id, t.title]));
	const muniOf = new Map(munis.map((x) => [x.id, x.name]));
	return {
		notice(r: NotificationRow): MailNotice {
			const d = r.details as Record<string, string | number | undefined>;
			return {
				kind: isNotificationKind(r.kind) ? r.kind : 'mention',
				itemTitle: titleOf.get(r.itemId ?? '') ?? '',
				actorName: r.actorName,
				excerpt: commentPlainText(r.excerpt),
				municipality: muniOf.get(String(d.municipalityId ?? '')) ?? '',
				version: d.version ?? '—',
				reason: d.reason === undefined ? undefined : String(d.reason),
				note: d.note === undefined ? undefined : String(d.note),
				link: placeLink(r, siteUrl)
			};
		}
	};
}

/** The exact place of a notification, as /meldingen links it: the comment, or the item's decisions. */
export function placeLink(r: Pick<NotificationRow, 'itemId' | 'commentId'>, siteUrl = readConfig().siteUrl): string {
	if (!r.itemId) return `${siteUrl}/meldingen`;
	return r.commentId ? `${siteUrl}/agenda/${r.itemId}#reactie-${r.commentId}` : `${siteUrl}/agenda/${r.itemId}#kop-besluiten`;
}

/** The notifications just written, as events for their recipients, with each one's new unread total. */
export async function notificationEvents(q: Queryable, rows: NotificationRow[]): Promise<DomainEvent[]> {
	if (rows.length === 0) return [];
	const userIds = [...new Set(rows.map((r) => r.userId))];
	const [unread, titles] = await Promise.all([
		q
			.select({ userId: notifications.userId, n: count() })
			.from(notifications)
			.where(and(inArray(notifications.userId, userIds), isNull(notifications.readAt)))
			.groupBy(notifications.userId),
		q
			.select({ id: agendaItems.id, title: agendaItems.title })
			.from(agendaItems)
			.where(inArray(agendaItems.id, [...new Set(rows.map((r) => r.itemId).filter((x): x is string => !!x))]))
	]);
	const counts = new Map(unread.map((u) => [u.userId, Number(u.n)]));
	const titleOf = new Map(titles.map((t) => [t.id, t.title]));
	return rows.map((r) =>
		event('notification.created', { userId: r.userId, notification: notificationView(r, titleOf.get(r.itemId ?? '') ?? ''), unread: counts.get(r.userId) ?? 1 })
	);
}

export function notificationView(r: NotificationRow, itemTitle: string): NotificationView {
	return {
		id: r.id,
		kind: r.kind as NotificationView['kind'],
		itemId: r.itemId,
		itemTitle,
		commentId: r.commentId,
		actorName: r.actorName,
		details: r.details as NotificationView['details'],
		// Plain text, never Markdown: older rows stored the comment's source.
		excerpt: commentPlainText(r.excerpt),
		createdAt: r.createdAt.toISOString(),
		readAt: r.readAt ? r.readAt.toISOString() : null
	};
}
