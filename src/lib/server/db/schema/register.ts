import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ambitions, municipalities } from './region';
import { users } from './users';
import { agendaItems } from './agenda-items';

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

/**
 * A meeting of an arrangement's general board (AB), daily board (DB) or portfolio holders (`pho`,
 * portefeuillehoudersoverleg), with its date and the links to its agenda and documents.
 */
export const collaborationBoardMeetings = pgTable(
	'collaboration_board_meetings',
	{
		id: uuid().primaryKey().defaultRandom(),
		collaborationId: partOf(),
		board: text().notNull(),
		on: date({ mode: 'string' }).notNull(),
		title: text().notNull().default(''),
		documents: jsonb().$type<CollaborationDocument[]>().notNull().default([]),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('collaboration_board_meetings_on').on(t.on),
		index('collaboration_board_meetings_collaboration').on(t.collaborationId),
		check('collaboration_board_meetings_board', sql`${t.board} in ('ab','db','pho')`)
	]
);

/**
 * A municipality's cover note (*oplegnotitie*) for one board meeting: what is on the agenda, what matters for
 * this municipality, the proposed input for its board member. Internal to the municipality until
 * `shared_at` is set.
 */
export const collaborationCoverNotes = pgTable(
	'collaboration_cover_notes',
	{
		id: uuid().primaryKey().defaultRandom(),
		boardMeetingId: uuid()
			.notNull()
			.references(() => collaborationBoardMeetings.id, { onDelete: 'cascade' }),
		collaborationId: partOf(),
		municipalityId: text()
			.notNull()
			.references(() => municipalities.id),
		agenda: text().notNull().default(''),
		relevance: text().notNull().default(''),
		proposedInput: text().notNull().default(''),
		sharedAt: timestamp({ withTimezone: true }),
		revision: integer().notNull().default(1),
		updatedBy: uuid().references(() => users.id),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('collaboration_cover_notes_one_per_municipality').on(t.boardMeetingId, t.municipalityId),
		index('collaboration_cover_notes_collaboration').on(t.collaborationId, t.municipalityId)
	]
);

/**
 * A comment on an arrangement, or on one cover note (`cover_note_id`): a comment on a cover note is seen by
 * exactly those who see the note.
 */
export const collaborationComments = pgTable(
	'collaboration_comments',
	{
		id: uuid().primaryKey().defaultRandom(),
		collaborationId: partOf(),
		coverNoteId: uuid().references(() => collaborationCoverNotes.id, { onDelete: 'cascade' }),
		authorId: uuid()
			.notNull()
			.references(() => users.id),
		body: text().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('collaboration_comments_collaboration').on(t.collaborationId, t.createdAt),
		index('collaboration_comments_cover_note').on(t.coverNoteId),
		check('collaboration_comments_body_length', sql`char_length(${t.body}) between 1 and 5000`)
	]
);

/**
 * An assessment (*toetsing*) of an arrangement: for a proposal (a new arrangement or a change to one, possibly
 * proposed by an agenda item) or a periodic evaluation. The toetsingskader's answers per domain
 * (`answers`, keyed `domain.question`), the afwegingskader's choice with its reasons; the municipalities'
 * scores on the eight criteria are rows of their own. Completed (`completed_at`) it no longer changes.
 */
export const collaborationAssessments = pgTable(
	'collaboration_assessments',
	{
		id: uuid().primaryKey().defaultRandom(),
		collaborationId: partOf(),
		occasion: text().notNull(),
		title: text().notNull(),
		/** The agenda item that proposes this arrangement or change; its assessment is then signed with it. */
		agendaItemId: uuid().references(() => agendaItems.id),
		answers: jsonb().$type<Record<string, string>>().notNull().default({}),
		choice: text(),
		choiceReasons: text().notNull().default(''),
		completedAt: timestamp({ withTimezone: true }),
		revision: integer().notNull().default(1),
		createdBy: uuid().references(() => users.id),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('collaboration_assessments_collaboration').on(t.collaborationId, t.createdAt),
		uniqueIndex('collaboration_assessments_agenda_item').on(t.agendaItemId),
		check('collaboration_assessments_occasion', sql`${t.occasion} in ('voorstel_nieuw','voorstel_wijziging','evaluatie')`),
		check('collaboration_assessments_choice', sql`${t.choice} is null or ${t.choice} in ('zelf_doen','samen_doen','uitbesteden')`),
		check('collaboration_assessments_title_length', sql`char_length(${t.title}) between 1 and 200`)
	]
);

/** One municipality's score on one weighing criterion of an assessment (1–5), with its motivation. */
export const collaborationAssessmentScores = pgTable(
	'collaboration_assessment_scores',
	{
		assessmentId: uuid()
			.notNull()
			.references(() => collaborationAssessments.id, { onDelete: 'cascade' }),
		municipalityId: text()
			.notNull()
			.references(() => municipalities.id),
		criterion: text().notNull(),
		score: smallint().notNull(),
		motivation: text().notNull().default(''),
		updatedBy: uuid().references(() => users.id),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.assessmentId, t.municipalityId, t.criterion] }),
		check('collaboration_assessment_scores_scale', sql`${t.score} between 1 and 5`)
	]
);

/** Every score as it was set, oldest first: the history a changed score keeps. */
export const collaborationAssessmentScoreChanges = pgTable(
	'collaboration_assessment_score_changes',
	{
		id: uuid().primaryKey().defaultRandom(),
		assessmentId: uuid()
			.notNull()
			.references(() => collaborationAssessments.id, { onDelete: 'cascade' }),
		municipalityId: text()
			.notNull()
			.references(() => municipalities.id),
		criterion: text().notNull(),
		score: smallint().notNull(),
		motivation: text().notNull().default(''),
		changedBy: uuid().references(() => users.id),
		changedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('collaboration_assessment_score_changes_assessment').on(t.assessmentId, t.changedAt)]
);

/** The half-yearly reports a municipality drew up: the dashboard's "changed since the last report" counts from the latest. */
export const collaborationReports = pgTable(
	'collaboration_reports',
	{
		id: uuid().primaryKey().defaultRandom(),
		municipalityId: text()
			.notNull()
			.references(() => municipalities.id),
		/** `2026-H2`. */
		half: text().notNull(),
		createdBy: uuid().references(() => users.id),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('collaboration_reports_municipality').on(t.municipalityId, t.createdAt)]
);

export type CoverNoteRow = typeof collaborationCoverNotes.$inferSelect;
export type AssessmentRow = typeof collaborationAssessments.$inferSelect;
export type BoardMeetingRow = typeof collaborationBoardMeetings.$inferSelect;
