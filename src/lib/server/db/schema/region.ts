import { integer, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/** The five municipalities; `id` is a stable slug (`leiden`), used in URLs and e-mail addresses. */
export const municipalities = pgTable('municipalities', {
	id: text().primaryKey(),
	name: text().notNull(),
	inhabitants: integer().notNull(),
	sortOrder: smallint().notNull(),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});

/** The seven ambitions of the Toekomstvisie Leidse regio 2027. */
export const ambitions = pgTable('ambitions', {
	id: smallint().primaryKey(),
	title: text().notNull(),
	shortTitle: text().notNull()
});
