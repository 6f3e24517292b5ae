import { and, asc, eq, gte, isNull, or, type SQL } from 'drizzle-orm';
import type { EventAttributes } from 'ics';
import type { Queryable } from '../../db';
import { collaborationBoardMeetings, collaborationMoments, collaborations, municipalities } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { icsDate, publishedCalendar } from '../../ics';
import { dutch } from '../../dutch';
import { registerFilterSchema } from '../../../validation/register';
import { addMonths } from '../../../register/dates';
import { amsterdamParts } from '../../../meetings/time';
import { takesPart } from './queries';

/** One decision moment on the register's calendar: a cycle moment or a board meeting. */
export interface CalendarEntry {
	id: string;
	type: 'moment' | 'meeting';
	/** The cycle moment's kind (`zienswijze`, …) or the board (`ab`, `db`, `pho`). */
	kind: string;
	on: string;
	collaborationId: string;
	collaborationName: string;
	/** The one council a moment is for; null for all participants (and for every board meeting). */
	municipalityId: string | null;
	note: string;
	/** A zienswijze whose deadline has passed (the council's say is late or was given). */
	overdue: boolean;
	/** When the entry last changed (its arrangement's last change), for DTSTAMP. */
	changedAt: Date;
}

/** How far back the calendar page looks, so passed deadlines of the last months stay in sight. */
const PAGE_MONTHS_BACK = 3;
/** The feed holds every moment, bounded so no request builds an endless file. */
const FEED_MAX = 5000;

/**
 * The decision moments of the open arrangements (cycle moments and board meetings), by date; with a
 * municipality, only the arrangements it takes part in, and only the moments for all or for its own council.
 * `from` null: every moment (the feed).
 */
export async function registerCalendar(
	q: Queryable,
	actor: Actor | null,
	filter: unknown,
	opts: { from: string | null; today?: string }
): Promise<CalendarEntry[]> {
	authorize(actor, 'register.read');
	const f = parse(registerFilterSchema.pick({ municipalityId: true }), filter);
	const today = opts.today ?? amsterdamParts(new Date()).date;
	const scope: SQL[] = [isNull(collaborations.endedAt)];
	if (f.municipalityId) scope.push(takesPart(q, f.municipalityId));
	const momentWhere = [...scope];
	if (opts.from) momentWhere.push(gte(collaborationMoments.on, opts.from));
	if (f.municipalityId) momentWhere.push(or(isNull(collaborationMoments.municipalityId), eq(collaborationMoments.municipalityId, f.municipalityId)) as SQL);
	const [moments, meetings] = await Promise.all([
		q
			.select({ moment: collaborationMoments, name: collaborations.name, changedAt: collaborations.updatedAt })
			.from(collaborationMoments)
			.innerJoin(collaborations, eq(collaborations.id, collaborationMoments.collaborationId))
			.where(and(...momentWhere))
			.orderBy(asc(collaborationMoments.on), asc(collaborationMoments.id))
			.limit(FEED_MAX),
		// Board meetings: the coming ones on the page, all of them in the feed.
		q
			.select({ meeting: collaborationBoardMeetings, name: collaborations.name })
			.from(collaborationBoardMeetings)
			.innerJoin(collaborations, eq(collaborations.id, collaborationBoardMeetings.collaborationId))
			.where(and(...scope, ...(opts.from ? [gte(collaborationBoardMeetings.on, today)] : [])))
			.orderBy(asc(collaborationBoardMeetings.on), asc(collaborationBoardMeetings.id))
			.limit(FEED_MAX)
	]);
	const entries: CalendarEntry[] = [
		...moments.map(({ moment: mo, name, changedAt }) => ({
			id: mo.id,
			type: 'moment' as const,
			kind: mo.kind,
			on: mo.on,
			collaborationId: mo.collaborationId,
			collaborationName: name,
			municipalityId: mo.municipalityId,
			note: mo.note,
			overdue: mo.kind === 'zienswijze' && mo.on < today,
			changedAt
		})),
		...meetings.map(({ meeting: bm, name }) => ({
			id: bm.id,
			type: 'meeting' as const,
			kind: bm.board,
			on: bm.on,
			collaborationId: bm.collaborationId,
			collaborationName: name,
			municipalityId: null,
			note: bm.title,
			overdue: false,
			changedAt: bm.createdAt
		}))
	];
	return entries.sort((a, b) => a.on.localeCompare(b.on) || a.id.localeCompare(b.id));
}

/** The first day of the calendar page: the start of the month `PAGE_MONTHS_BACK` months ago. */
export function calendarPageFrom(today: string): string {
	return `${addMonths(today, -PAGE_MONTHS_BACK).slice(0, 7)}-01`;
}

/** The calendar's entries grouped by month (`2026-03`), in date order. */
export function byMonth<T extends { on: string }>(entries: T[]): { month: string; entries: T[] }[] {
	const groups: { month: string; entries: T[] }[] = [];
	for (const e of entries) {
		const month = e.on.slice(0, 7);
		if (groups.at(-1)?.month !== month) groups.push({ month, entries: [] });
		groups.at(-1)!.entries.push(e);
	}
	return groups;
}

const PRODUCT_ID = '-//Regioportaal Leidse regio//Samenwerkingen//NL';

/**
 * The calendar as an iCalendar feed: each moment an all-day event with its own uuid as UID (a subscribed
 * calendar updates it instead of adding a second), DTSTAMP the arrangement's last change (the file changes
 * only when the data does), a Dutch summary and the arrangement's address. Dutch whatever the cookie says:
 * the feed is the same text for every subscriber.
 */
export async function registerCalendarIcs(q: Queryable, actor: Actor | null, filter: unknown, origin: string): Promise<string> {
	const entries = await registerCalendar(q, actor, filter, { from: null });
	const names = new Map((await q.select({ id: municipalities.id, name: municipalities.name }).from(municipalities)).map((mu) => [mu.id, mu.name]));
	const events: EventAttributes[] = entries.map((e) => ({
		uid: e.id,
		title: summary(e, names),
		description: e.note || undefined,
		start: icsDate(e.on),
		duration: { days: 1 },
		url: `${origin}/samenwerkingen/${e.collaborationId}`,
		transp: 'TRANSPARENT',
		timestamp: e.changedAt.getTime()
	}));
	return publishedCalendar(events, { productId: PRODUCT_ID, calName: dutch('register_ics_calendar_name') });
}

function summary(e: CalendarEntry, names: Map<string, string>): string {
	if (e.type === 'meeting') return dutch('register_ics_meeting', { board: dutch(`register_board_${e.kind}`), name: e.collaborationName });
	const kind = dutch(`register_moment_${e.kind}`);
	return e.municipalityId
		? dutch('register_ics_moment_for', { kind, municipality: names.get(e.municipalityId) ?? e.municipalityId, name: e.collaborationName })
		: dutch('register_ics_moment', { kind, name: e.collaborationName });
}
