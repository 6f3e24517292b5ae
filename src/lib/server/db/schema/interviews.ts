import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agendaItems } from './agenda-items';
import { ambitions, municipalities } from './region';
import { users } from './users';

/**
 * An inventory interview of the verkenner with one body of one municipality. The notes are rich
 * text saved by the verkenner's editor (`notes_revision` guards against an older draft overwriting a newer one).
 * `confidential`: only the verkenner and administrators may see it, everywhere.
 */
export const interviews = pgTable(
	'interviews',
	{
		id: uuid().primaryKey().defaultRandom(),
		municipalityId: text()
			.notNull()
			.references(() => municipalities.id),
		body: text().notNull(),
		/** The body's name when `body` is `overig`. */
		bodyOther: text().notNull().default(''),
		heldOn: date({ mode: 'string' }).notNull(),
		/** Who took part, one name (and function) per entry. */
		participants: text()
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		notesHtml: text().notNull().default(''),
		notesText: text().notNull().default(''),
		notesRevision: integer().notNull().default(0),
		notesSavedAt: timestamp({ withTimezone: true }),
		visibility: text().notNull().default('klankbordgroep'),
		createdBy: uuid().references(() => users.id),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		/** Last realtime sequence number used for this interview. */
		seq: integer().notNull().default(0)
	},
	(t) => [
		index('interviews_municipality').on(t.municipalityId, t.body),
		index('interviews_held_on').on(t.heldOn),
		check('interviews_body_known', sql`${t.body} in ('directieteam','college','portefeuillehouder','gemeenteraad','fractie','overig')`),
		check('interviews_visibility_known', sql`${t.visibility} in ('klankbordgroep','vertrouwelijk')`),
		check('interviews_body_other', sql`${t.body} <> 'overig' or char_length(${t.bodyOther}) > 0`)
	]
);

/**
 * A candidate activity found in an interview. Once taken onto the agenda it points at the item it became
 * (`link` = `created`) or was added to (`link` = `added`); the item's timeline follows this link back.
 */
export const interviewCandidates = pgTable(
	'interview_candidates',
	{
		/** Made by the client, so a candidate captured offline is stored once. */
		id: uuid().primaryKey(),
		interviewId: uuid()
			.notNull()
			.references(() => interviews.id, { onDelete: 'cascade' }),
		title: text().notNull(),
		ambitionId: smallint()
			.notNull()
			.references(() => ambitions.id),
		horizon: text().notNull(),
		meerwaarde: text().notNull().default(''),
		/** Municipalities that showed interest. */
		interested: text()
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		itemId: uuid().references(() => agendaItems.id, { onDelete: 'set null' }),
		link: text(),
		linkedAt: timestamp({ withTimezone: true }),
		linkedBy: uuid().references(() => users.id),
		createdBy: uuid().references(() => users.id),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('interview_candidates_interview').on(t.interviewId, t.createdAt),
		index('interview_candidates_item').on(t.itemId),
		check('interview_candidates_title_length', sql`char_length(${t.title}) between 1 and 200`),
		check('interview_candidates_horizon_known', sql`${t.horizon} in ('voor_verkiezingen','na_verkiezingen')`),
		check('interview_candidates_link', sql`(${t.itemId} is null and ${t.link} is null) or ${t.link} in ('created','added')`)
	]
);

export type InterviewRow = typeof interviews.$inferSelect;
export type InterviewCandidateRow = typeof interviewCandidates.$inferSelect;
