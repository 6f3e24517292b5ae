import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from './region';

export const users = pgTable(
	'users',
	{
		id: uuid().primaryKey().defaultRandom(),
		email: text().notNull(),
		name: text().notNull(),
		passwordHash: text(),
		/** AES-256-GCM encrypted TOTP key; null until 2FA is enrolled. */
		totpKeyEncrypted: text(),
		totpEnabledAt: timestamp({ withTimezone: true }),
		/** The last TOTP time step accepted: a code is good once (RFC 6238 §5.2). */
		totpLastUsedStep: integer(),
		locale: text().notNull().default('nl'),
		disabledAt: timestamp({ withTimezone: true }),
		/** The last completed first step of a sign-in, and how: 'password' or 'oidc' (the municipality's account). */
		lastSignInAt: timestamp({ withTimezone: true }),
		lastSignInMethod: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('users_email_unique').on(t.email), index('users_lower_email').on(sql`lower(${t.email})`)]
);

/** A role a user holds; regional roles have no municipality. */
export const memberships = pgTable(
	'memberships',
	{
		id: uuid().primaryKey().defaultRandom(),
		userId: uuid()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text().notNull(),
		municipalityId: text().references(() => municipalities.id),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('memberships_user_role_municipality').on(t.userId, t.role, t.municipalityId).nullsNotDistinct(), index('memberships_user').on(t.userId)]
);

/** Single-use recovery codes for 2FA, stored as SHA-256 hashes. */
export const recoveryCodes = pgTable(
	'recovery_codes',
	{
		id: uuid().primaryKey().defaultRandom(),
		userId: uuid()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		codeHash: text().notNull(),
		usedAt: timestamp({ withTimezone: true })
	},
	(t) => [index('recovery_codes_user').on(t.userId)]
);
