import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agendaItems } from './agenda-items';
import { municipalities } from './region';
import { itemScenarios } from './scenarios';
import { users } from './users';

/**
 * A klankbordgroep session (*sessie*; "meeting" in code so it never meets an auth session). `status`:
 * gepland → live → afgesloten, or gepland → geannuleerd (the invitees get a calendar cancellation). In live mode `current_entry_id` is the agenda entry in view and
 * `current_started_at` when the timer for it started (the timer of an entry adds up `spent_seconds`).
 * `seq` numbers the realtime events of the session; a reconnecting participant reloads the whole state.
 */
export const meetings = pgTable(
	'meetings',
	{
		id: uuid().primaryKey().defaultRandom(),
		title: text().notNull(),
		startsAt: timestamp({ withTimezone: true }).notNull(),
		endsAt: timestamp({ withTimezone: true }).notNull(),
		location: text().notNull().default(''),
		onlineUrl: text().notNull().default(''),
		status: text().notNull().default('gepland'),
		chairUserId: uuid().references(() => users.id),
		currentEntryId: uuid(),
		currentStartedAt: timestamp({ withTimezone: true }),
		startedAt: timestamp({ withTimezone: true }),
		endedAt: timestamp({ withTimezone: true }),
		cancelledAt: timestamp({ withTimezone: true }),
		cancelReason: text().notNull().default(''),
		createdBy: uuid().references(() => users.id),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		/** Bumped by every change of the plan (optimistic concurrency for the planning form). */
		revision: integer().notNull().default(1),
		seq: integer().notNull().default(0),
		/** Set when the verkenner publishes the session's highlights on the public site (a closed session only). */
		highlightsPublishedAt: timestamp({ withTimezone: true }),
		/**
		 * The agenda entry whose scenario comparison the chair put on screen; it shows only while that entry is
		 * current, so moving on hides it without a second write (and coming back shows it again).
		 */
		scenariosShownEntryId: uuid()
	},
	(t) => [
		index('meetings_starts_at').on(t.startsAt),
		check('meetings_status_known', sql`${t.status} in ('gepland','live','afgesloten','geannuleerd')`),
		check('meetings_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
		check('meetings_title_length', sql`char_length(${t.title}) between 1 and 200`)
	]
);

/** One agenda item on a session's agenda, in order, with the minutes planned for it. */
export const meetingAgendaEntries = pgTable(
	'meeting_agenda_entries',
	{
		id: uuid().primaryKey().defaultRandom(),
		meetingId: uuid()
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		itemId: uuid()
			.notNull()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		position: smallint().notNull(),
		plannedMinutes: smallint().notNull().default(15),
		/** Time spent on it in live mode, not counting the running stretch. */
		spentSeconds: integer().notNull().default(0)
	},
	(t) => [
		uniqueIndex('meeting_agenda_entries_item').on(t.meetingId, t.itemId),
		index('meeting_agenda_entries_order').on(t.meetingId, t.position),
		check('meeting_agenda_entries_minutes', sql`${t.plannedMinutes} between 1 and 480`)
	]
);

/** Who is invited. */
export const meetingInvitees = pgTable(
	'meeting_invitees',
	{
		meetingId: uuid()
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		userId: uuid()
			.notNull()
			.references(() => users.id)
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.userId] })]
);

/** Attendance: a person present for one municipality (or regionally: municipality null, e.g. the verkenner). */
export const meetingAttendance = pgTable(
	'meeting_attendance',
	{
		meetingId: uuid()
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		userId: uuid()
			.notNull()
			.references(() => users.id),
		municipalityId: text().references(() => municipalities.id),
		name: text().notNull(),
		checkedInAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		recordedBy: uuid().references(() => users.id)
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.userId] }), index('meeting_attendance_municipality').on(t.meetingId, t.municipalityId)]
);

/**
 * A temperature check: one municipality's quick stance on one agenda item during the session (the last one
 * given counts). A member may later turn it into the municipality's formal position (`position_set_at`).
 */
export const meetingTemperatureChecks = pgTable(
	'meeting_temperature_checks',
	{
		meetingId: uuid()
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		itemId: uuid()
			.notNull()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		municipalityId: text()
			.notNull()
			.references(() => municipalities.id),
		value: text().notNull(),
		givenBy: uuid().references(() => users.id),
		givenByName: text().notNull(),
		givenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		positionSetAt: timestamp({ withTimezone: true })
	},
	(t) => [
		primaryKey({ columns: [t.meetingId, t.itemId, t.municipalityId] }),
		check('meeting_temperature_value', sql`${t.value} in ('steunt','steunt_onder_voorwaarden','neutraal','bezwaar')`)
	]
);

/**
 * A temperature check per scenario: one municipality's quick stance on one option of the item in view, given
 * while the chair has the comparison on screen (the last one given counts). Kept for removed scenarios too.
 */
export const meetingScenarioChecks = pgTable(
	'meeting_scenario_checks',
	{
		meetingId: uuid()
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		scenarioId: uuid()
			.notNull()
			.references(() => itemScenarios.id, { onDelete: 'cascade' }),
		municipalityId: text()
			.notNull()
			.references(() => municipalities.id),
		value: text().notNull(),
		givenBy: uuid().references(() => users.id),
		givenByName: text().notNull(),
		givenAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.meetingId, t.scenarioId, t.municipalityId] }),
		check('meeting_scenario_check_value', sql`${t.value} in ('steunt','steunt_onder_voorwaarden','neutraal','bezwaar')`)
	]
);

/**
 * The minutes, written as the session goes: what was discussed, decisions, action points (owner, due date)
 * and questions for the councils; per agenda item or for the session as a whole (`item_id` null).
 */
export const meetingMinutes = pgTable(
	'meeting_minutes',
	{
		id: uuid().primaryKey(),
		meetingId: uuid()
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		itemId: uuid().references(() => agendaItems.id, { onDelete: 'set null' }),
		kind: text().notNull(),
		body: text().notNull(),
		ownerName: text().notNull().default(''),
		dueOn: date({ mode: 'string' }),
		/** For a question: the council it is for; null = all councils. */
		municipalityId: text().references(() => municipalities.id),
		createdBy: uuid().references(() => users.id),
		createdByName: text().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		deletedAt: timestamp({ withTimezone: true })
	},
	(t) => [
		index('meeting_minutes_meeting').on(t.meetingId, t.createdAt),
		check('meeting_minutes_kind', sql`${t.kind} in ('besproken','besluit','actiepunt','vraag')`),
		check('meeting_minutes_body_length', sql`char_length(${t.body}) between 1 and 5000`),
		check('meeting_minutes_action_owner', sql`${t.kind} <> 'actiepunt' or char_length(${t.ownerName}) > 0`)
	]
);

export type MeetingRow = typeof meetings.$inferSelect;
export type MeetingAgendaEntryRow = typeof meetingAgendaEntries.$inferSelect;
export type MeetingMinuteRow = typeof meetingMinutes.$inferSelect;
