import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/** Login sessions ("authSession", never to be confused with klankbordgroep meetings). `id` is the SHA-256 of the token. */
export const authSessions = pgTable(
	'auth_sessions',
	{
		id: text().primaryKey(),
		userId: uuid()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		absoluteExpiresAt: timestamp({ withTimezone: true }).notNull(),
		/** When the second factor was last confirmed in this session; null = not (yet) verified. */
		twoFactorVerifiedAt: timestamp({ withTimezone: true }),
		ip: text(),
		userAgent: text()
	},
	(t) => [index('auth_sessions_user').on(t.userId)]
);

/** One-time e-mailed links (invitations, password resets); only the token's SHA-256 is stored. */
export const emailTokens = pgTable(
	'email_tokens',
	{
		id: text().primaryKey(),
		purpose: text().notNull(),
		userId: uuid()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdBy: uuid().references(() => users.id),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		usedAt: timestamp({ withTimezone: true })
	},
	(t) => [index('email_tokens_user').on(t.userId)]
);

/** Fixed-window counters of failed attempts, keyed per account and per address. */
export const rateLimits = pgTable('rate_limits', {
	key: text().primaryKey(),
	count: integer().notNull(),
	windowStart: timestamp({ withTimezone: true }).notNull()
});
