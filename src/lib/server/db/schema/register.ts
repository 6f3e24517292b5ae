import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ambitions, municipalities } from './region';
import { users } from './users';

/** A link to one of an arrangement's documents (its regeling, begroting, evaluation). */
export interface CollaborationDocument {
	title: string;
	url: string;
}

/**
 * One joint arrangement the municipalities take part in (*samenwerking*): a light collaboration, a GR, a
 * covenant or a private-law one. `ends_on` null is open-ended; `ended_at` is when it was marked ended.
 * The notice term is a number with its unit, both or neither. `revision` guards the edit form.
 */
export const collaborations = pgTable(
	'collaborations',
	{
		id: uuid().primaryKey().defaultRandom(),
		name: text().notNull(),
		kind: text().notNull(),
		legalForm: text(),
		steering: text().notNull(),
		domain: text().notNull(),
		leadMunicipalityId: text().references(() => municipalities.id),
		startsOn: date({ mode: 'string' }).notNull(),
		endsOn: date({ mode: 'string' }),
		noticeTerm: smallint(),
		noticeUnit: text(),
		documents: jsonb().$type<CollaborationDocument[]>().notNull().default([]),
		endedAt: timestamp({ withTimezone: true }),
		endReason: text().notNull().default(''),
		revision: integer().notNull().default(1),
		/** Bumped by every change of the arrangement or its parts, for realtime later. */
		seq: integer().notNull().default(0),
		createdBy: uuid().references(() => users.id),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('collaborations_name').on(t.name),
		check('collaborations_kind_known', sql`${t.kind} in ('licht','gr','convenant','privaatrecht')`),
		check('collaborations_steering_known', sql`${t.steering} in ('beleidsvoering','bedrijfsvoering')`),
		check('collaborations_ends_after_start', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
		check('collaborations_notice_with_unit', sql`(${t.noticeTerm} is null) = (${t.noticeUnit} is null)`),
		check('collaborations_name_length', sql`char_length(${t.name}) between 1 and 200`)
	]
);

/** The arrangement a row belongs to; it goes when the arrangement goes. */
const partOf = () =>
	uuid()
		.notNull()
		.references(() => collaborations.id, { onDelete: 'cascade' });

/** The ambitions (Toekomstvisie) an arrangement serves. */
export const collaborationAmbitions = pgTable(
	'collaboration_ambitions',
	{
		collaborationId: partOf(),
		ambitionId: smallint()
			.notNull()
			.references(() => ambitions.id)
	},
	(t) => [primaryKey({ columns: [t.collaborationId, t.ambitionId] })]
);

/**
 * Who takes part: one of the five (with its exit cost and notice term) or an outside party by name
 * (Wassenaar, the other Holland Rijnland municipalities), exactly one of the two.
 */
export const collaborationParticipants = pgTable(
	'collaboration_participants',
	{
		id: uuid().primaryKey().defaultRandom(),
		collaborationId: partOf(),
		municipalityId: text().references(() => municipalities.id),
		outsideName: text(),
		exitCostCents: bigint({ mode: 'number' }),
		noticeTerm: smallint(),
		noticeUnit: text()
	},
	(t) => [
		uniqueIndex('collaboration_participants_municipality').on(t.collaborationId, t.municipalityId),
		uniqueIndex('collaboration_participants_outside').on(t.collaborationId, t.outsideName),
		check('collaboration_participants_one_of', sql`(${t.municipalityId} is null) <> (${t.outsideName} is null)`),
		check('collaboration_participants_notice_with_unit', sql`(${t.noticeTerm} is null) = (${t.noticeUnit} is null)`),
		check('collaboration_participants_exit_cost', sql`${t.exitCostCents} is null or ${t.exitCostCents} >= 0`)
	]
);

/** What one of the five contributes in a year, and the key (verdeelsleutel) it follows. */
export const collaborationContributions = pgTable(
	'collaboration_contributions',
	{
		collaborationId: partOf(),
		municipalityId: text()
			.notNull()
			.references(() => municipalities.id),
		year: smallint().notNull(),
		cents: bigint({ mode: 'number' }).notNull(),
		key: text().notNull(),
		/** With the key `maatwerk`: the share in basis points (1 % = 100). */
		shareBp: integer()
	},
	(t) => [
		primaryKey({ columns: [t.collaborationId, t.municipalityId, t.year] }),
		check('collaboration_contributions_cents', sql`${t.cents} >= 0`),
		check('collaboration_contributions_key', sql`${t.key} in ('inwoners','gelijk','maatwerk')`)
	]
);

/**
 * A municipality's seat on the general (AB) or daily (DB) board, and its council's rapporteurs. `user_id`
 * links the person's portal account, so their *dubbele pet* can be shown wherever they act.
 */
export const collaborationSeats = pgTable(
	'collaboration_seats',
	{
		id: uuid().primaryKey().defaultRandom(),
		collaborationId: partOf(),
		municipalityId: text()
			.notNull()
			.references(() => municipalities.id),
		/** `ab`, `db` or `rapporteur` (the council's rapporteur on this arrangement). */
		seat: text().notNull(),
		name: text().notNull(),
		userId: uuid().references(() => users.id),
		/** `college` or `raad`; null for a rapporteur (always a council member). */
		holderRole: text()
	},
	(t) => [
		index('collaboration_seats_collaboration').on(t.collaborationId, t.municipalityId),
		index('collaboration_seats_user').on(t.userId),
		check('collaboration_seats_seat', sql`${t.seat} in ('ab','db','rapporteur')`)
	]
);

/** A decision moment of the cycle (kadernota, begroting, jaarrekening, zienswijze deadline, evaluation). */
export const collaborationMoments = pgTable(
	'collaboration_moments',
	{
		id: uuid().primaryKey().defaultRandom(),
		collaborationId: partOf(),
		kind: text().notNull(),
		on: date({ mode: 'string' }).notNull(),
		/** For one council only (a zienswijze deadline); null for all participants. */
		municipalityId: text().references(() => municipalities.id),
		note: text().notNull().default('')
	},
	(t) => [
		index('collaboration_moments_on').on(t.on),
		index('collaboration_moments_collaboration').on(t.collaborationId),
		check('collaboration_moments_kind', sql`${t.kind} in ('kadernota','begroting','jaarrekening','zienswijze','evaluatie')`)
	]
);

export type CollaborationRow = typeof collaborations.$inferSelect;
