import { boolean, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from './region';
import { users } from './users';

/**
 * An OpenID Connect provider a municipality's people (or, with no municipality, the region's own staff) sign in
 * with. One per municipality and one for the region. The client secret is stored AES-256-GCM encrypted with the
 * portal's key and never read back out to a page.
 */
export const signInProviders = pgTable(
	'sign_in_providers',
	{
		id: uuid().primaryKey().defaultRandom(),
		/** Null: the provider of the region's own staff (people with a regional role). */
		municipalityId: text().references(() => municipalities.id),
		issuer: text().notNull(),
		clientId: text().notNull(),
		clientSecretEncrypted: text().notNull(),
		/** E-mail domains (lower case, no @) a verified address must be in to be matched to an account. */
		emailDomains: text().array().notNull().default([]),
		/** The password form is off for this municipality's people: they must sign in here. */
		required: boolean().notNull().default(false),
		/** A person without an invitation gets an account with the role meelezer at first sign-in. */
		allowJustInTime: boolean().notNull().default(false),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('sign_in_providers_municipality').on(t.municipalityId).nullsNotDistinct()]
);

/** Which account a provider's subject is: made at the first sign-in (by verified e-mail or just in time). */
export const signInLinks = pgTable(
	'sign_in_links',
	{
		id: uuid().primaryKey().defaultRandom(),
		providerId: uuid()
			.notNull()
			.references(() => signInProviders.id, { onDelete: 'cascade' }),
		subject: text().notNull(),
		userId: uuid()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		lastUsedAt: timestamp({ withTimezone: true })
	},
	(t) => [
		unique('sign_in_links_subject').on(t.providerId, t.subject),
		unique('sign_in_links_user').on(t.providerId, t.userId),
		index('sign_in_links_user_id').on(t.userId)
	]
);

/**
 * A sign-in on its way through the provider: usable once (deleted when the provider sends the browser back) and
 * for ten minutes. `id` is the SHA-256 of the `state`; the browser holds the state itself in a cookie.
 */
export const signInAttempts = pgTable(
	'sign_in_attempts',
	{
		id: text().primaryKey(),
		providerId: uuid()
			.notNull()
			.references(() => signInProviders.id, { onDelete: 'cascade' }),
		/** 'login', or 'step_up': a fresh sign-in at the provider confirms the second factor of a session. */
		purpose: text().notNull(),
		nonce: text().notNull(),
		/** The PKCE code_verifier, encrypted like the client secret. */
		codeVerifierEncrypted: text().notNull(),
		/** Where to go afterwards (already a safe, local path). */
		next: text().notNull(),
		/** For a step-up: the session it confirms. */
		authSessionId: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp({ withTimezone: true }).notNull()
	},
	(t) => [index('sign_in_attempts_expires').on(t.expiresAt)]
);
