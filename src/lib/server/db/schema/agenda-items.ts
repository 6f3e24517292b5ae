import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { ambitions, municipalities } from './region';
import { users } from './users';

/** Someone who contributed to a version, with the name as it was then. */
export interface Contributor {
	userId: string;
	name: string;
}

/**
 * One activity of the uitvoeringsagenda. The rich-text fields (`description_*`, `meerwaarde_*`) are
 * written by the co-editing module (HTML sanitised, plain text for search); everything else by agenda-items.
 * `revision` guards structured-field updates (optimistic concurrency); `seq` numbers the realtime events of the item.
 */
export const agendaItems = pgTable(
	'agenda_items',
	{
		id: uuid().primaryKey().defaultRandom(),
		ambitionId: smallint()
			.notNull()
			.references(() => ambitions.id),
		title: text().notNull(),
		summary: text().notNull().default(''),
		descriptionHtml: text().notNull().default(''),
		descriptionText: text().notNull().default(''),
		meerwaardeHtml: text().notNull().default(''),
		meerwaardeText: text().notNull().default(''),
		horizon: text().notNull(),
		trekkerId: text().references(() => municipalities.id),
		status: text().notNull().default('concept'),
		startDate: date({ mode: 'string' }),
		endDate: date({ mode: 'string' }),
		costEstimateCents: bigint({ mode: 'number' }).notNull().default(0),
		verdeelsleutel: text().notNull().default('inwoners'),
		tags: text()
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		createdBy: uuid().references(() => users.id),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		/** Bumped by every structured-field change; a client sends the revision it saw. */
		revision: integer().notNull().default(1),
		/** Last realtime sequence number used for this item. */
		seq: integer().notNull().default(0),
		/** Who changed the item since the last version (cleared when a version is captured). */
		pendingContributors: jsonb().$type<Contributor[]>().notNull().default([]),
		/** Set when the verkenner makes the item public before it is adopted (from vastgesteld on it is public anyway). */
		publicSince: timestamp({ withTimezone: true })
	},
	(t) => [
		index('agenda_items_ambition').on(t.ambitionId),
		index('agenda_items_status').on(t.status),
		index('agenda_items_trekker').on(t.trekkerId),
		check('agenda_items_title_length', sql`char_length(${t.title}) between 1 and 200`),
		check(
			'agenda_items_status_known',
			sql`${t.status} in ('concept','in_bespreking','gereed_voor_besluitvorming','vastgesteld','afgewezen','in_uitvoering','afgerond')`
		),
		check('agenda_items_horizon_known', sql`${t.horizon} in ('voor_verkiezingen','na_verkiezingen')`),
		check('agenda_items_verdeelsleutel_known', sql`${t.verdeelsleutel} in ('inwoners','gelijk','maatwerk')`),
		check('agenda_items_cost_nonnegative', sql`${t.costEstimateCents} >= 0`),
		check('agenda_items_dates_ordered', sql`${t.startDate} is null or ${t.endDate} is null or ${t.startDate} <= ${t.endDate}`)
	]
);

/** A municipality taking part; `customShareBp` is its share in basis points when the verdeelsleutel is `maatwerk`. */
export const agendaItemParticipants = pgTable(
	'agenda_item_participants',
	{
		itemId: uuid()
			.notNull()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		municipalityId: text()
			.notNull()
			.references(() => municipalities.id),
		customShareBp: integer()
	},
	(t) => [
		primaryKey({ columns: [t.itemId, t.municipalityId] }),
		index('agenda_item_participants_municipality').on(t.municipalityId),
		check('agenda_item_participants_share_range', sql`${t.customShareBp} is null or ${t.customShareBp} between 0 and 10000`)
	]
);

/** Money from outside the five (e.g. the province), subtracted before the split. */
export const agendaItemContributions = pgTable(
	'agenda_item_contributions',
	{
		id: uuid().primaryKey().defaultRandom(),
		itemId: uuid()
			.notNull()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		position: smallint().notNull(),
		label: text().notNull(),
		amountCents: bigint({ mode: 'number' }).notNull()
	},
	(t) => [index('agenda_item_contributions_item').on(t.itemId), check('agenda_item_contributions_positive', sql`${t.amountCents} > 0`)]
);

export const agendaItemMilestones = pgTable(
	'agenda_item_milestones',
	{
		id: uuid().primaryKey().defaultRandom(),
		itemId: uuid()
			.notNull()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		position: smallint().notNull(),
		title: text().notNull(),
		dueDate: date({ mode: 'string' }).notNull(),
		done: boolean().notNull().default(false)
	},
	(t) => [index('agenda_item_milestones_item').on(t.itemId)]
);

/** Links to documents (raadsvoorstel, brief, notitie) with their kenmerk. Not the Yjs documents of the co-editing module. */
export const agendaItemLinks = pgTable(
	'agenda_item_links',
	{
		id: uuid().primaryKey().defaultRandom(),
		itemId: uuid()
			.notNull()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		position: smallint().notNull(),
		title: text().notNull(),
		url: text().notNull(),
		kenmerk: text().notNull().default('')
	},
	(t) => [index('agenda_item_links_item').on(t.itemId)]
);

/** People involved in an item (portal users). */
export const agendaItemPeople = pgTable(
	'agenda_item_people',
	{
		itemId: uuid()
			.notNull()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		userId: uuid()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.itemId, t.userId] }), index('agenda_item_people_user').on(t.userId)]
);

/**
 * A frozen snapshot of all fields of an item. `content` is canonical JSON (sorted keys, no whitespace),
 * stored as text so its bytes never change; `contentHash` is the SHA-256 (hex) of those UTF-8 bytes.
 */
export const agendaItemVersions = pgTable(
	'agenda_item_versions',
	{
		id: uuid().primaryKey().defaultRandom(),
		itemId: uuid()
			.notNull()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		number: integer().notNull(),
		reason: text().notNull(),
		content: text().notNull(),
		contentHash: text().notNull(),
		/** For a restore: the version number it restored. */
		restoredFrom: integer(),
		createdBy: uuid().references(() => users.id),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		contributors: jsonb().$type<Contributor[]>().notNull().default([])
	},
	(t) => [
		unique('agenda_item_versions_item_number').on(t.itemId, t.number),
		index('agenda_item_versions_hash').on(t.contentHash),
		check('agenda_item_versions_reason_known', sql`${t.reason} in ('status','manual','auto','restore')`),
		check('agenda_item_versions_hash_format', sql`${t.contentHash} ~ '^[0-9a-f]{64}$'`)
	]
);
