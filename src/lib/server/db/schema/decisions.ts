import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agendaItemVersions, agendaItems } from './agenda-items';
import { municipalities } from './region';
import { users } from './users';

/** The current position (standpunt) of one municipality on one item. History in `position_changes`. */
export const positions = pgTable(
	'positions',
	{
		itemId: uuid()
			.notNull()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		municipalityId: text()
			.notNull()
			.references(() => municipalities.id),
		position: text().notNull(),
		reasons: text().notNull().default(''),
		conditions: jsonb().$type<string[]>().notNull().default([]),
		/** The municipality shares this position with the public (shown on the public site once the item is public). */
		sharedPublicly: boolean().notNull().default(false),
		updatedBy: uuid().references(() => users.id),
		updatedByName: text().notNull(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.itemId, t.municipalityId] }),
		index('positions_municipality').on(t.municipalityId),
		check('positions_known', sql`${t.position} in ('steunt','steunt_onder_voorwaarden','neutraal','nog_geen_standpunt','bezwaar','neemt_niet_deel')`)
	]
);

/** Every change of a position: who, when, from what to what, why. Append-only by use. */
export const positionChanges = pgTable(
	'position_changes',
	{
		id: uuid().primaryKey().defaultRandom(),
		itemId: uuid()
			.notNull()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		municipalityId: text()
			.notNull()
			.references(() => municipalities.id),
		fromPosition: text(),
		toPosition: text().notNull(),
		reasons: text().notNull().default(''),
		conditions: jsonb().$type<string[]>().notNull().default([]),
		sharedPublicly: boolean().notNull().default(false),
		changedBy: uuid().references(() => users.id),
		changedByName: text().notNull(),
		changedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('position_changes_item').on(t.itemId, t.changedAt)]
);

/**
 * A college decision for one municipality, bound to one frozen version (id, number and SHA-256 hash).
 * A void (reopened, edited, niet akkoord) is written onto the row: it stays visible. At most one valid
 * sign-off per item, municipality and version (partial unique index), so two college members signing at
 * once record exactly one decision.
 */
export const signOffs = pgTable(
	'sign_offs',
	{
		id: uuid().primaryKey().defaultRandom(),
		itemId: uuid()
			.notNull()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		municipalityId: text()
			.notNull()
			.references(() => municipalities.id),
		versionId: uuid()
			.notNull()
			.references(() => agendaItemVersions.id),
		versionNumber: integer().notNull(),
		contentHash: text().notNull(),
		decision: text().notNull(),
		conditions: jsonb().$type<string[]>().notNull().default([]),
		reasons: text().notNull().default(''),
		/** Niet akkoord and the municipality withdraws from the item: the round goes on without it. */
		withdrawn: boolean().notNull().default(false),
		meetingDate: date({ mode: 'string' }).notNull(),
		kenmerk: text().notNull(),
		documentUrl: text(),
		signedBy: uuid().references(() => users.id),
		signedByName: text().notNull(),
		signedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		voidedAt: timestamp({ withTimezone: true }),
		voidedBy: uuid().references(() => users.id),
		voidedByName: text(),
		voidReason: text()
	},
	(t) => [
		index('sign_offs_item').on(t.itemId),
		index('sign_offs_municipality').on(t.municipalityId),
		uniqueIndex('sign_offs_one_valid')
			.on(t.itemId, t.municipalityId, t.versionId)
			.where(sql`${t.voidedAt} is null`),
		check('sign_offs_decision_known', sql`${t.decision} in ('akkoord','akkoord_onder_voorwaarden','niet_akkoord')`),
		check('sign_offs_kenmerk_present', sql`char_length(trim(${t.kenmerk})) > 0`),
		check('sign_offs_hash_format', sql`${t.contentHash} ~ '^[0-9a-f]{64}$'`),
		check('sign_offs_void_reason_known', sql`${t.voidReason} is null or ${t.voidReason} in ('reopened','edited','niet_akkoord')`)
	]
);

/** What a council did with an item (recorded by the griffie); every record is kept, the newest counts. */
export const councilDecisions = pgTable(
	'council_decisions',
	{
		id: uuid().primaryKey().defaultRandom(),
		itemId: uuid()
			.notNull()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		municipalityId: text()
			.notNull()
			.references(() => municipalities.id),
		meetingDate: date({ mode: 'string' }).notNull(),
		outcome: text().notNull(),
		wensenEnBedenkingen: text().notNull().default(''),
		kenmerk: text().notNull(),
		/** The adopted version the council decided about (null for records from before it was kept). */
		versionNumber: integer(),
		recordedBy: uuid().references(() => users.id),
		recordedByName: text().notNull(),
		recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('council_decisions_item').on(t.itemId, t.municipalityId),
		check('council_decisions_outcome_known', sql`${t.outcome} in ('ingestemd','wensen_en_bedenkingen','verworpen','niet_van_toepassing')`)
	]
);

/** Implementation progress reports after vastgesteld; the newest is the item's progress. */
export const progressReports = pgTable(
	'progress_reports',
	{
		id: uuid().primaryKey().defaultRandom(),
		itemId: uuid()
			.notNull()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		percent: integer().notNull(),
		note: text().notNull().default(''),
		reportedBy: uuid().references(() => users.id),
		reportedByName: text().notNull(),
		reportedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('progress_reports_item').on(t.itemId, t.reportedAt), check('progress_reports_percent_range', sql`${t.percent} between 0 and 100`)]
);
