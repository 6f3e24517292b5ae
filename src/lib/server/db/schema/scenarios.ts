import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agendaItems } from './agenda-items';
import { municipalities } from './region';
import { collaborations } from './register';
import { users } from './users';
import type { Verdeelsleutel } from '../../../agenda/constants';

/**
 * The options an agenda item puts side by side (keep the current situation, collaborate, merge…). Title,
 * description, costs, the linked arrangement and which one the item proposes are signed content. A scenario
 * that was scored is never deleted: removing it sets `removed_at`, so its scores and their history stay.
 */
export const itemScenarios = pgTable(
	'item_scenarios',
	{
		id: uuid().primaryKey().defaultRandom(),
		itemId: uuid()
			.notNull()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		position: integer().notNull(),
		title: text().notNull(),
		/** The description's plain text (search, exports, the signed content's text); co-edited as `descriptionHtml`. */
		description: text().notNull().default(''),
		/** The description as sanitised HTML: the snapshot of its co-edited document (field `scenario:<id>`). */
		descriptionHtml: text().notNull().default(''),
		oneOffCents: bigint({ mode: 'number' }).notNull().default(0),
		yearlyCents: bigint({ mode: 'number' }).notNull().default(0),
		/** How this option's costs are split over the participants; null: by the item's own key. */
		verdeelsleutel: text().$type<Verdeelsleutel>(),
		collaborationId: uuid().references(() => collaborations.id, { onDelete: 'set null' }),
		/** The scenario the item proposes: what the colleges sign. At most one per item. */
		proposed: boolean().notNull().default(false),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		removedAt: timestamp({ withTimezone: true }),
		removedBy: uuid().references(() => users.id)
	},
	(t) => [
		index('item_scenarios_item').on(t.itemId, t.position),
		uniqueIndex('item_scenarios_one_proposed')
			.on(t.itemId)
			.where(sql`${t.proposed} and ${t.removedAt} is null`),
		check('item_scenarios_title_length', sql`char_length(${t.title}) between 1 and 200`),
		check('item_scenarios_costs', sql`${t.oneOffCents} >= 0 and ${t.yearlyCents} >= 0`),
		check('item_scenarios_verdeelsleutel', sql`${t.verdeelsleutel} is null or ${t.verdeelsleutel} in ('inwoners','gelijk','maatwerk')`)
	]
);

/**
 * What the scenarios are weighed on: a scale (e.g. 1–5) and a direction (is a higher score better?). Set by
 * the verkenner from a preset (the study's three axes, the toetsingskader's eight criteria) or their own.
 * Not signed content: the weighing, like the positions, is the municipalities' and moves after a decision.
 */
export const itemCriteria = pgTable(
	'item_criteria',
	{
		id: uuid().primaryKey().defaultRandom(),
		itemId: uuid()
			.notNull()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		position: integer().notNull(),
		name: text().notNull(),
		description: text().notNull().default(''),
		scaleMin: smallint().notNull(),
		scaleMax: smallint().notNull(),
		higherIsBetter: boolean().notNull().default(true),
		removedAt: timestamp({ withTimezone: true })
	},
	(t) => [
		index('item_criteria_item').on(t.itemId, t.position),
		check('item_criteria_name_length', sql`char_length(${t.name}) between 1 and 120`),
		check('item_criteria_scale', sql`${t.scaleMin} >= 0 and ${t.scaleMax} <= 10 and ${t.scaleMin} < ${t.scaleMax}`)
	]
);

/**
 * One municipality's score of one scenario on one criterion, with a short motivation. `voice`: the
 * klankbordgroep member speaks for the council's view, the college may add its own (marked as such).
 * Internal to the portal unless the municipality shares it with the public.
 */
export const scenarioScores = pgTable(
	'scenario_scores',
	{
		scenarioId: uuid()
			.notNull()
			.references(() => itemScenarios.id, { onDelete: 'cascade' }),
		criterionId: uuid()
			.notNull()
			.references(() => itemCriteria.id, { onDelete: 'cascade' }),
		municipalityId: text()
			.notNull()
			.references(() => municipalities.id),
		voice: text().notNull(),
		score: smallint().notNull(),
		motivation: text().notNull().default(''),
		sharedPublicly: boolean().notNull().default(false),
		updatedBy: uuid().references(() => users.id),
		updatedByName: text().notNull(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.scenarioId, t.criterionId, t.municipalityId, t.voice] }),
		check('scenario_scores_voice', sql`${t.voice} in ('klankbordgroep','college')`)
	]
);

/** Every score as it was set, oldest first: an earlier judgement stays readable after it was revised. */
export const scenarioScoreChanges = pgTable(
	'scenario_score_changes',
	{
		id: uuid().primaryKey().defaultRandom(),
		itemId: uuid()
			.notNull()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		scenarioId: uuid()
			.notNull()
			.references(() => itemScenarios.id, { onDelete: 'cascade' }),
		criterionId: uuid()
			.notNull()
			.references(() => itemCriteria.id, { onDelete: 'cascade' }),
		municipalityId: text()
			.notNull()
			.references(() => municipalities.id),
		voice: text().notNull(),
		fromScore: smallint(),
		score: smallint().notNull(),
		motivation: text().notNull().default(''),
		sharedPublicly: boolean().notNull().default(false),
		changedBy: uuid().references(() => users.id),
		changedByName: text().notNull(),
		changedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('scenario_score_changes_item').on(t.itemId, t.changedAt)]
);
