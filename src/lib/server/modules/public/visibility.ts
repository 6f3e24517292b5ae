import { and, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { agendaItems, meetingMinutes, meetings, positions } from '../../db/schema';
import { adoptedStatuses, isAdoptedStatus, publicMinuteKinds } from '../../../public/visibility';

/**
 * THE rule of what the public sees, used by the public pages, the open data, the feeds and the tests alike.
 * Everything else in this module is derived from these functions and their SQL twins; nothing internal
 * (comments, interviews, drafts, positions a municipality did not share, people's e-mail addresses) is
 * ever read by this module at all.
 */

/** An item is public from vastgesteld on, or earlier when the verkenner made it public. */
export function isPublicItem(item: { status: string; publicSince: Date | null }): boolean {
	return isAdoptedStatus(item.status) || item.publicSince !== null;
}

/** The same rule as SQL, for every query that lists items. */
export function publicItemsWhere(): SQL {
	return or(inArray(agendaItems.status, [...adoptedStatuses]), isNotNull(agendaItems.publicSince)) as SQL;
}

/** A position is public when its municipality shared it (`sharedPublicly`) and the item is public (the item's half above). */
export function sharedPositionsWhere(): SQL {
	return eq(positions.sharedPublicly, true);
}

/** A session is public when it is closed and the verkenner published its highlights. */
export function isPublicMeeting(meeting: { status: string; highlightsPublishedAt: Date | null }): boolean {
	return meeting.status === 'afgesloten' && meeting.highlightsPublishedAt !== null;
}

export function publicMeetingsWhere(): SQL {
	return and(eq(meetings.status, 'afgesloten'), isNotNull(meetings.highlightsPublishedAt)) as SQL;
}

/** The minutes of a public session that the public sees (not deleted, of a public kind). */
export function publicMinutesWhere(): SQL {
	return and(inArray(meetingMinutes.kind, [...publicMinuteKinds]), sql`${meetingMinutes.deletedAt} is null`) as SQL;
}
