import { z } from 'zod';
import { municipalityIds } from '../roles';
import { minuteKindSchema, temperatureValueSchema } from '../meetings/constants';

/** Klankbordgroep sessions ("meetings" in code): the payloads of every command. Messages are message keys. */

export const MEETING_TITLE_MAX = 200;
export const MEETING_AGENDA_MAX = 30;
export const MINUTE_BODY_MAX = 5000;

const emptyToNull = (v: unknown) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v);
const toArray = (v: unknown) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]);

export const meetingIdSchema = z.uuid('validation_meeting_unknown');
const municipalityId = z.enum(municipalityIds, { message: 'validation_meeting_municipality_unknown' });
const time = z
	.string('validation_meeting_time')
	.regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'validation_meeting_time')
	.transform((s) => s.slice(0, 5));

/** An ISO calendar date (`2026-03-31`) that exists. */
const dateSchema = z
	.string('validation_meeting_date')
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'validation_meeting_date')
	.refine((s) => {
		const d = new Date(`${s}T00:00:00Z`);
		return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
	}, 'validation_meeting_date');

const onlineUrl = z.preprocess(
	(v) => (typeof v === 'string' ? v.trim() : (v ?? '')),
	z.union([z.literal(''), z.url({ message: 'validation_meeting_online_url', protocol: /^https$/ }).max(2000, 'validation_meeting_online_url')], {
		message: 'validation_meeting_online_url'
	})
);

export const agendaEntrySchema = z.object({
	itemId: z.uuid('validation_meeting_agenda_item_unknown'),
	plannedMinutes: z.coerce
		.number('validation_meeting_minutes')
		.int('validation_meeting_minutes')
		.min(1, 'validation_meeting_minutes')
		.max(480, 'validation_meeting_minutes')
});

/** A session's plan: what the planning form sends (new and edit alike; `meetingId` + `revision` on edit). */
export const meetingPlanSchema = z
	.object({
		meetingId: meetingIdSchema.optional(),
		revision: z.coerce.number('validation_meeting_revision').int().min(1, 'validation_meeting_revision').optional(),
		title: z
			.string('validation_meeting_title_required')
			.trim()
			.min(1, 'validation_meeting_title_required')
			.max(MEETING_TITLE_MAX, 'validation_meeting_title_too_long'),
		date: dateSchema,
		startTime: time,
		endTime: time,
		location: z.string().trim().max(300, 'validation_meeting_location_too_long').default(''),
		onlineUrl,
		agenda: z.array(agendaEntrySchema).max(MEETING_AGENDA_MAX, 'validation_meeting_agenda_too_long').default([]),
		invitees: z.preprocess(toArray, z.array(z.uuid('validation_meeting_invitee_unknown')).max(200, 'validation_meeting_invitee_unknown')).default([])
	})
	.superRefine((v, ctx) => {
		if (v.endTime <= v.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'validation_meeting_ends_before_start' });
		if (!v.location && !v.onlineUrl) ctx.addIssue({ code: 'custom', path: ['location'], message: 'validation_meeting_place_required' });
		const seen = new Set<string>();
		for (const e of v.agenda) {
			if (seen.has(e.itemId)) ctx.addIssue({ code: 'custom', path: ['agenda'], message: 'validation_meeting_agenda_duplicate' });
			seen.add(e.itemId);
		}
	});

/** The planning form's fields (`entry_item[]`, `entry_minutes[]`, `invitees[]`) as a plan. */
export function meetingPlanFromForm(values: Record<string, unknown>): Record<string, unknown> {
	const items = toArray(values.entry_item) as string[];
	const minutes = toArray(values.entry_minutes) as string[];
	const { entry_item: _i, entry_minutes: _m, ...rest } = values;
	return { ...rest, agenda: items.map((itemId, i) => ({ itemId, plannedMinutes: minutes[i] ?? '' })), invitees: toArray(values.invitees) };
}

export const meetingRefSchema = z.object({ meetingId: meetingIdSchema });

/** Cancelling a planned session; the reason (optional) is told to the invitees. */
export const MEETING_CANCEL_REASON_MAX = 1000;
export const cancelMeetingSchema = z.object({
	meetingId: meetingIdSchema,
	reason: z.preprocess((v) => (typeof v === 'string' ? v.trim() : (v ?? '')), z.string().max(MEETING_CANCEL_REASON_MAX, 'validation_meeting_cancel_reason'))
});

export const nameChairSchema = z.object({
	meetingId: meetingIdSchema,
	chairUserId: z.preprocess(emptyToNull, z.uuid('validation_meeting_chair_unknown').nullable())
});

export const driveActions = ['start', 'goto', 'next', 'previous', 'pause', 'resume', 'close'] as const;

/** A move through the agenda: to one entry, or the next or previous one. */
export const moveSchema = z.discriminatedUnion(
	'to',
	[
		z.object({ meetingId: meetingIdSchema, to: z.literal('entry'), entryId: z.uuid('meetings_entry_not_on_agenda') }),
		z.object({ meetingId: meetingIdSchema, to: z.enum(['next', 'previous']) })
	],
	{ message: 'validation_meeting_move' }
);

export const timerSchema = z.object({ meetingId: meetingIdSchema, running: z.boolean('validation_meeting_timer') });

export const checkInSchema = z.object({
	meetingId: meetingIdSchema,
	/** Null: present for the region (the verkenner). */
	municipalityId: z.preprocess(emptyToNull, municipalityId.nullable()),
	/** Someone else, recorded by the chair; absent = oneself. */
	userId: z.preprocess(emptyToNull, z.uuid('validation_meeting_member_unknown').nullable()).default(null)
});

export const temperatureSchema = z.object({
	meetingId: meetingIdSchema,
	/** The item the member saw as current: a check never lands on an item the chair has just moved away from. */
	itemId: z.uuid('meetings_temperature_not_current'),
	municipalityId,
	value: temperatureValueSchema
});

/** The chair puts the scenario comparison of the current item on screen for everyone, or takes it off. */
export const showScenariosSchema = z.object({
	meetingId: meetingIdSchema,
	// A form sends text: "true"/"false".
	shown: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean('validation_meeting_scenarios_shown'))
});

/** A temperature check on one scenario of the item in view (the scenario names the item). */
export const scenarioCheckSchema = z.object({
	meetingId: meetingIdSchema,
	scenarioId: z.uuid('meetings_scenario_not_current'),
	municipalityId,
	value: temperatureValueSchema
});

/** Turning a temperature check into the municipality's position: reasons and conditions as positions want them. */
export const adoptTemperatureSchema = z.object({
	meetingId: meetingIdSchema,
	itemId: z.uuid('validation_meeting_agenda_item_unknown'),
	municipalityId,
	reasons: z.unknown().optional(),
	conditions: z.unknown().optional()
});

export const minuteSchema = z
	.object({
		/** Chosen by the client, so a resend never writes twice. */
		id: z.uuid('validation_meeting_minute_malformed'),
		meetingId: meetingIdSchema,
		itemId: z.preprocess(emptyToNull, z.uuid('meetings_entry_not_on_agenda').nullable()),
		kind: minuteKindSchema,
		body: z
			.string('validation_meeting_minute_empty')
			.transform((s) => s.replace(/\r\n?/g, '\n').trim())
			.pipe(z.string().min(1, 'validation_meeting_minute_empty').max(MINUTE_BODY_MAX, 'validation_meeting_minute_too_long')),
		ownerName: z.string().trim().max(200, 'validation_meeting_owner_too_long').default(''),
		dueOn: z.preprocess(emptyToNull, dateSchema.nullable()).default(null),
		municipalityId: z.preprocess(emptyToNull, municipalityId.nullable()).default(null)
	})
	.superRefine((v, ctx) => {
		if (v.kind !== 'actiepunt') return;
		if (!v.ownerName) ctx.addIssue({ code: 'custom', path: ['ownerName'], message: 'validation_meeting_action_owner' });
		if (!v.dueOn) ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'validation_meeting_action_due' });
	})
	.transform((v) => ({
		...v,
		// Only action points have an owner and due date, only questions a council.
		ownerName: v.kind === 'actiepunt' ? v.ownerName : '',
		dueOn: v.kind === 'actiepunt' ? v.dueOn : null,
		municipalityId: v.kind === 'vraag' ? v.municipalityId : null
	}));

export const minuteRefSchema = z.object({ meetingId: meetingIdSchema, id: z.uuid('validation_meeting_minute_malformed') });

/** What the chair's controls send over the socket (`meeting:drive`). */
export const driveSchema = z.object({
	meetingId: meetingIdSchema,
	action: z.enum(driveActions, { message: 'validation_meeting_move' }),
	entryId: z.string().optional()
});
