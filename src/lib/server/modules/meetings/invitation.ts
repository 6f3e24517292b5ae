import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { meetingInvitees, users } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { meetingInvitationIcs, type IcsMethod } from './report/ics';
import { loadMeeting, loadEntries } from './state';
import { m } from '../../../paraglide/messages.js';

export type Locale = 'nl' | 'en';

/** Someone a session's calendar event is for: an invitee (or someone who was one). */
export interface CalendarPerson {
	id: string;
	name: string;
	email: string;
	locale: Locale;
}

/** What a session's calendar event and its mails are made of, read inside the command's transaction. */
export interface CalendarPlan {
	id: string;
	title: string;
	startsAt: Date;
	endsAt: Date;
	location: string;
	onlineUrl: string;
	status: string;
	cancelReason: string;
	/** The plan's revision: SEQUENCE is revision - 1, so the first invitation has 0. */
	revision: number;
	organizer: { name: string; email: string } | null;
	agenda: { position: number; title: string; minutes: number }[];
	/** The active invitees, by name. */
	invitees: CalendarPerson[];
}

const asLocale = (locale: string): Locale => (locale === 'en' ? 'en' : 'nl');

/** The session as the calendar sees it (no authorisation: for commands that already decided, and for the download below). */
export async function calendarPlan(q: Queryable, meetingId: string): Promise<CalendarPlan> {
	const meeting = await loadMeeting(q, meetingId);
	const [entries, invitees, [creator]] = await Promise.all([
		loadEntries(q, meetingId),
		people(q, meetingId),
		meeting.createdBy ? q.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, meeting.createdBy)) : [undefined]
	]);
	return {
		id: meeting.id,
		title: meeting.title,
		startsAt: meeting.startsAt,
		endsAt: meeting.endsAt,
		location: meeting.location,
		onlineUrl: meeting.onlineUrl,
		status: meeting.status,
		cancelReason: meeting.cancelReason,
		revision: meeting.revision,
		organizer: creator ?? null,
		agenda: entries.map((e, i) => ({ position: i + 1, title: e.title, minutes: e.plannedMinutes })),
		invitees
	};
}

/** The active invitees of a session, by name. */
async function people(q: Queryable, meetingId: string): Promise<CalendarPerson[]> {
	const rows = await q
		.select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
		.from(meetingInvitees)
		.innerJoin(users, eq(users.id, meetingInvitees.userId))
		.where(and(eq(meetingInvitees.meetingId, meetingId), isNull(users.disabledAt)))
		.orderBy(asc(users.name));
	return rows.map((r) => ({ ...r, locale: asLocale(r.locale) }));
}

/**
 * Whether a change of plan is one a calendar shows: title, time, place, online link or agenda. A change
 * of invitees only, or a save that changed nothing, is not.
 */
export function calendarChanged(before: CalendarPlan, after: CalendarPlan): boolean {
	const shown = (p: CalendarPlan) =>
		JSON.stringify([p.title, p.startsAt.getTime(), p.endsAt.getTime(), p.location, p.onlineUrl, p.agenda.map((e) => [e.title, e.minutes])]);
	return shown(before) !== shown(after);
}

export const sessionUrl = (meetingId: string, baseUrl: string) => new URL(`/sessies/${meetingId}`, baseUrl).toString();

/**
 * The iCalendar event of a session: one event whose UID stays the same for the session's life, and whose
 * SEQUENCE follows the plan's revision, so a calendar replaces the earlier one on a change. REQUEST and
 * CANCEL name `attendees` (all invitees, or the one who is no longer invited); PUBLISH names nobody.
 */
export function calendarEvent(plan: CalendarPlan, method: IcsMethod, options: { locale: Locale; baseUrl: string; attendees?: CalendarPerson[] }): string {
	const { locale, baseUrl } = options;
	const url = sessionUrl(plan.id, baseUrl);
	const agenda = plan.agenda.map((e) => m.meetings_ics_agenda_line({ position: e.position, title: e.title, minutes: e.minutes }, { locale }));
	const description = [m.meetings_ics_agenda_heading({}, { locale }), ...agenda, '', url].join('\n');
	return meetingInvitationIcs({
		uid: `${plan.id}@regioportaal`,
		title: plan.title,
		startsAt: plan.startsAt.toISOString(),
		endsAt: plan.endsAt.toISOString(),
		location: plan.location,
		onlineUrl: plan.onlineUrl,
		description,
		url,
		sequence: Math.max(0, plan.revision - 1),
		organizer: plan.organizer,
		attendees: (options.attendees ?? plan.invitees).map((p) => ({ name: p.name, email: p.email })),
		method,
		cancelled: plan.status === 'geannuleerd'
	});
}

/**
 * The session as a file to import (METHOD:PUBLISH): what someone downloads from the session page. The
 * invitees get the invitation itself (METHOD:REQUEST) by e-mail.
 */
export async function meetingInvitation(
	q: Queryable,
	actor: Actor | null,
	meetingId: string,
	baseUrl: string,
	locale: Locale
): Promise<{ ics: string; filename: string }> {
	authorize(actor, 'meeting.read');
	const plan = await calendarPlan(q, meetingId);
	const ics = calendarEvent(plan, 'PUBLISH', { locale, baseUrl });
	return { ics, filename: `sessie-${plan.startsAt.toISOString().slice(0, 10)}.ics` };
}
