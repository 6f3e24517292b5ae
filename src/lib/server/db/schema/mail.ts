import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/** A file sent with a mail; text content only (calendar invitations). */
export interface MailAttachment {
	filename: string;
	contentType: string;
	content: string;
	/** For text/calendar: the iTIP method (REQUEST, CANCEL), so mail clients offer to add or remove it. */
	method?: string;
}

/**
 * Every e-mail the portal sends, written in the transaction of the act it tells about. Delivery runs as a
 * job on the queue (see modules/mail/worker.ts); `state` follows it: queued → sending → sent, or
 * retrying (a failed attempt, tried again later) → failed (given up), or held (no mail server configured:
 * it stays here, readable by administrators).
 */
export const mailOutbox = pgTable(
	'mail_outbox',
	{
		id: uuid().primaryKey().defaultRandom(),
		to: text().notNull(),
		subject: text().notNull(),
		/** The plain-text part. */
		body: text().notNull(),
		html: text(),
		/** What the mail is about (account, a notification kind, digest, meeting): the outbox filters on it. */
		kind: text().notNull().default('account'),
		userId: uuid().references(() => users.id, { onDelete: 'set null' }),
		headers: jsonb().$type<Record<string, string>>().notNull().default({}),
		attachments: jsonb().$type<MailAttachment[]>().notNull().default([]),
		/** Fixed when queued, so a mail sent again after a crash is recognised by the receiving side. */
		messageId: text(),
		state: text().notNull().default('queued'),
		attempts: integer().notNull().default(0),
		lastAttemptAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp({ withTimezone: true }),
		error: text()
	},
	(t) => [
		index('mail_outbox_created').on(t.createdAt),
		check('mail_outbox_state_known', sql`${t.state} in ('queued','sending','sent','retrying','failed','held')`)
	]
);

/**
 * How a person wants to hear of one kind of event by e-mail: at once, in the daily digest, or not at all.
 * No row means the default for their roles (modules/notifications/preferences.ts).
 */
export const notificationPreferences = pgTable(
	'notification_preferences',
	{
		userId: uuid()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text().notNull(),
		delivery: text().notNull(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.userId, t.kind] }), check('notification_preferences_delivery', sql`${t.delivery} in ('immediate','digest','off')`)]
);
