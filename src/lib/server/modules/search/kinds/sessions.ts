import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db';
import { meetingMinutes, meetings } from '../../../db/schema';
import { visibleMeetingsWhere } from '../../meetings';
import { amsterdamDate, bestIds, candidate, dateRange, group, headline, matches, noHits, present, type Context, type SearchGroup } from '../sql';

/** Sessions by title and place; the date filter is the session's day. */
export async function searchSessions(q: Queryable, { actor, request, tsquery, limit }: Context): Promise<SearchGroup> {
	const matching = q
		.select(candidate('meetings', meetings.id, meetings.startsAt, tsquery))
		.from(meetings)
		.where(and(matches('meetings', tsquery), visibleMeetingsWhere(actor), ...dateRange(amsterdamDate(meetings.startsAt), request)));
	const found = await bestIds(q, matching, limit);
	if (!found.ids.length) return noHits('sessions', found);
	const rows = await q
		.select({
			id: meetings.id,
			title: meetings.title,
			passage: headline(sql`${meetings.title} || ' · ' || ${meetings.location}`, tsquery),
			at: meetings.startsAt,
			status: meetings.status
		})
		.from(meetings)
		.where(inArray(meetings.id, found.ids));
	return group('sessions', found, rows, (r) => ({
		...r,
		href: `/sessies/${r.id}`,
		itemId: null,
		ambitionId: null,
		municipalityId: null,
		internal: false,
		detail: null,
		// A session's status is not an item's: the kind's line names it.
		status: null
	}));
}

/** The minutes of sessions: what was discussed, decided, asked, and the action points with their owners. */
export async function searchMinutes(q: Queryable, { actor, request, tsquery, limit }: Context): Promise<SearchGroup> {
	const matching = q
		.select(candidate('meeting_minutes', meetingMinutes.id, meetingMinutes.createdAt, tsquery))
		.from(meetingMinutes)
		.innerJoin(meetings, eq(meetings.id, meetingMinutes.meetingId))
		.where(
			and(
				matches('meeting_minutes', tsquery),
				isNull(meetingMinutes.deletedAt),
				visibleMeetingsWhere(actor),
				...present(request.gemeente ? eq(meetingMinutes.municipalityId, request.gemeente) : undefined),
				...dateRange(amsterdamDate(meetings.startsAt), request)
			)
		);
	const found = await bestIds(q, matching, limit);
	if (!found.ids.length) return noHits('minutes', found);
	const rows = await q
		.select({
			id: meetingMinutes.id,
			meetingId: meetingMinutes.meetingId,
			title: meetings.title,
			passage: headline(sql`${meetingMinutes.body} || ' ' || ${meetingMinutes.ownerName}`, tsquery),
			at: meetings.startsAt,
			itemId: meetingMinutes.itemId,
			municipalityId: meetingMinutes.municipalityId,
			kind: meetingMinutes.kind
		})
		.from(meetingMinutes)
		.innerJoin(meetings, eq(meetings.id, meetingMinutes.meetingId))
		.where(inArray(meetingMinutes.id, found.ids));
	return group('minutes', found, rows, (r) => ({
		...r,
		href: `/sessies/${r.meetingId}`,
		ambitionId: null,
		status: null,
		internal: false,
		detail: r.kind
	}));
}
