import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { agendaItems, meetingAgendaEntries, meetingAttendance, meetingMinutes, meetings, municipalities } from '../../db/schema';
import { DomainError } from '../../errors';
import { isUuid } from '../../validate';
import type { MunicipalityId } from '../../../roles';
import { isPublicItem, isPublicMeeting, publicMeetingsWhere, publicMinutesWhere } from './visibility';
import type { PublicMeeting, PublicMeetingSummary } from './schemas';

export const publicMeetingPath = (id: string) => `/openbaar/sessies/${id}`;

const notFound = () => new DomainError('public_meeting_not_found', {}, {}, 404);

type MeetingRow = typeof meetings.$inferSelect;

function summaryOf(m: MeetingRow): PublicMeetingSummary {
	return {
		id: m.id,
		url: publicMeetingPath(m.id),
		title: m.title,
		startsAt: m.startsAt.toISOString(),
		endsAt: m.endsAt.toISOString(),
		location: m.location,
		publishedAt: (m.highlightsPublishedAt as Date).toISOString()
	};
}

/** The sessions whose highlights are published, newest first. The online link of a session is never public. */
export async function listPublicMeetings(q: Queryable): Promise<PublicMeetingSummary[]> {
	const rows = await q.select().from(meetings).where(publicMeetingsWhere()).orderBy(desc(meetings.startsAt));
	return rows.map(summaryOf);
}

/**
 * A published session's highlights as the public sees them: which municipalities were present (not who),
 * per public item on its agenda what was discussed and decided and the questions for the councils, and the
 * same for the session as a whole. Items that are not public, temperature checks and action points stay internal.
 */
export async function getPublicMeeting(q: Queryable, meetingId: string): Promise<PublicMeeting> {
	if (!isUuid(meetingId)) throw notFound();
	const [meeting] = await q.select().from(meetings).where(eq(meetings.id, meetingId));
	if (!meeting || !isPublicMeeting(meeting)) throw notFound();
	const [entries, present, minutes, munis] = await Promise.all([
		q
			.select({ itemId: meetingAgendaEntries.itemId, title: agendaItems.title, status: agendaItems.status, publicSince: agendaItems.publicSince })
			.from(meetingAgendaEntries)
			.innerJoin(agendaItems, eq(agendaItems.id, meetingAgendaEntries.itemId))
			.where(eq(meetingAgendaEntries.meetingId, meetingId))
			.orderBy(asc(meetingAgendaEntries.position)),
		q.selectDistinct({ municipalityId: meetingAttendance.municipalityId }).from(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId)),
		q
			.select({ itemId: meetingMinutes.itemId, kind: meetingMinutes.kind, body: meetingMinutes.body, municipalityId: meetingMinutes.municipalityId })
			.from(meetingMinutes)
			.where(and(eq(meetingMinutes.meetingId, meetingId), publicMinutesWhere()))
			.orderBy(asc(meetingMinutes.createdAt), asc(meetingMinutes.id)),
		q.select({ id: municipalities.id }).from(municipalities).orderBy(asc(municipalities.sortOrder))
	]);
	const publicEntries = entries.filter(isPublicItem);
	const minute = (m: (typeof minutes)[number]) => ({
		kind: m.kind as 'besproken' | 'besluit' | 'vraag',
		body: m.body,
		municipalityId: m.municipalityId as MunicipalityId | null
	});
	const presentIds = new Set(present.map((p) => p.municipalityId));
	return {
		...summaryOf(meeting),
		municipalitiesPresent: munis.filter((m) => presentIds.has(m.id)).map((m) => m.id as MunicipalityId),
		items: publicEntries.map((e) => ({ itemId: e.itemId, title: e.title, minutes: minutes.filter((m) => m.itemId === e.itemId).map(minute) })),
		general: minutes.filter((m) => m.itemId === null).map(minute)
	};
}

/** The published sessions an item was discussed in (for its public page). */
export async function publicMeetingsOfItem(q: Queryable, itemId: string): Promise<PublicMeetingSummary[]> {
	const rows = await q
		.select({ m: meetings })
		.from(meetings)
		.innerJoin(meetingAgendaEntries, eq(meetingAgendaEntries.meetingId, meetings.id))
		.where(and(publicMeetingsWhere(), inArray(meetingAgendaEntries.itemId, [itemId])))
		.orderBy(desc(meetings.startsAt));
	return rows.map((r) => summaryOf(r.m));
}
