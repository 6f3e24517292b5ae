import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every e-mail the portal sends; with no SMTP_URL this is where it stays, readable by administrators. */
export const mailOutbox = pgTable(
	'mail_outbox',
	{
		id: uuid().primaryKey().defaultRandom(),
		to: text().notNull(),
		subject: text().notNull(),
		body: text().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp({ withTimezone: true }),
		error: text()
	},
	(t) => [index('mail_outbox_created').on(t.createdAt)]
);
