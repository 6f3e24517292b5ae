import { and, asc, eq, gte, lte, notInArray } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { agendaItemMilestones, agendaItems } from '../../db/schema';
import { authorize, can, type Actor } from '../../permissions';
import { addMonths, upcomingUntil } from '../../../register/dates';
import { UPCOMING_MONTHS } from '../../../register/constants';
import { visibleItemsWhere } from '../agenda-items';
import * as meetings from '../meetings';
import * as myWork from '../my-work';
import * as register from '../register';

/** How many decision moments the start page lists; the register's calendar has the rest. */
export const MOMENTS_SHOWN = 10;

/** A date that asks something of the region: a register moment or board meeting, or an item's milestone. */
export interface ComingMoment {
	on: string;
	source: 'cycle' | 'board' | 'milestone';
	/** The cycle moment's kind (`zienswijze`, …) or the board (`ab`, `db`, `pho`); null for a milestone. */
	kind: string | null;
	/** The arrangement's name or the milestone's title. */
	title: string;
	href: string;
	/** The moment's note or board meeting's title, or the milestone's item. */
	context: string;
	/** The councils a cycle moment is for, each once (empty: all participants, and every board meeting and milestone). */
	municipalityIds: string[];
}

export interface ComingUp {
	today: string;
	/** The last day of the window the moments are taken from (the register dashboard's six months). */
	until: string;
	/** Action points due before `since` are history: the minutes record no completion. */
	overdueSince: string;
	session: meetings.MeetingSummary | null;
	moments: ComingMoment[];
	/** All moments in the window; `moments` holds the first `MOMENTS_SHOWN`, the page says how many more. */
	momentsTotal: number;
	overdueActionPoints: myWork.OverdueActionPoint[];
}

/**
 * What comes next for the region: the next klankbordgroep session (running or planned, not cancelled), the
 * decision moments of the coming six months (the register's calendar and the items' open milestones) and the
 * action points from sessions whose due date passed. A part the actor may not read stays empty. A fixed
 * number of queries.
 */
export async function comingUp(q: Queryable, actor: Actor | null, today: string, now = new Date()): Promise<ComingUp> {
	authorize(actor, 'item.read');
	const until = upcomingUntil(today);
	const overdueSince = addMonths(today, -UPCOMING_MONTHS);
	const mayMeet = can(actor, 'meeting.read');
	const [sessions, calendar, milestones, overdue] = await Promise.all([
		mayMeet ? meetings.listMeetings(q, actor, now) : null,
		can(actor, 'register.read') ? register.registerCalendar(q, actor, {}, { from: today, today }) : [],
		openMilestones(q, actor, today, until),
		mayMeet ? myWork.overdueActionPoints(q, today, overdueSince) : []
	]);
	const moments = together([...calendar.filter((e) => e.on <= until).map(fromRegister), ...milestones]).sort(
		(a, b) => a.on.localeCompare(b.on) || a.title.localeCompare(b.title, 'nl')
	);
	return {
		today,
		until,
		overdueSince,
		session: sessions?.upcoming.find((s) => s.status !== 'geannuleerd') ?? null,
		moments: moments.slice(0, MOMENTS_SHOWN),
		momentsTotal: moments.length,
		overdueActionPoints: overdue
	};
}

function fromRegister(e: register.CalendarEntry): ComingMoment {
	return {
		on: e.on,
		source: e.type === 'meeting' ? 'board' : 'cycle',
		kind: e.kind,
		title: e.collaborationName,
		href: `/samenwerkingen/${e.collaborationId}`,
		context: e.note,
		municipalityIds: e.municipalityId ? [e.municipalityId] : []
	};
}

/** The same moment for several councils (a zienswijze deadline per council) is one moment for all of them. */
function together(moments: ComingMoment[]): ComingMoment[] {
	const byKey = new Map<string, ComingMoment>();
	for (const mo of moments) {
		const key = JSON.stringify([mo.on, mo.source, mo.kind, mo.href, mo.title, mo.context, mo.municipalityIds.length > 0]);
		const seen = byKey.get(key);
		if (seen) seen.municipalityIds = [...new Set([...seen.municipalityIds, ...mo.municipalityIds])];
		else byKey.set(key, { ...mo });
	}
	return [...byKey.values()];
}

/** Milestones not done yet, due in the window, of items still to be carried out. */
async function openMilestones(q: Queryable, actor: Actor | null, today: string, until: string): Promise<ComingMoment[]> {
	const rows = await q
		.select({ on: agendaItemMilestones.dueDate, title: agendaItemMilestones.title, itemId: agendaItems.id, itemTitle: agendaItems.title })
		.from(agendaItemMilestones)
		.innerJoin(agendaItems, eq(agendaItems.id, agendaItemMilestones.itemId))
		.where(
			and(
				visibleItemsWhere(actor),
				eq(agendaItemMilestones.done, false),
				gte(agendaItemMilestones.dueDate, today),
				lte(agendaItemMilestones.dueDate, until),
				notInArray(agendaItems.status, ['afgewezen', 'afgerond'])
			)
		)
		.orderBy(asc(agendaItemMilestones.dueDate))
		.limit(100);
	return rows.map((r) => ({
		on: r.on,
		source: 'milestone',
		kind: null,
		title: r.title,
		href: `/agenda/${r.itemId}#kop-planning`,
		context: r.itemTitle,
		municipalityIds: []
	}));
}
