import { and, asc, desc, eq, gte, inArray, isNull, ne, not, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { agendaItems, meetingAgendaEntries, meetingInvitees, meetings, memberships, users } from '../../db/schema';
import { authorize, can, type Actor } from '../../permissions';
import type { MeetingStatus } from '../../../meetings/constants';
import type { MeetingState } from '../../../meetings/live';
import type { Role } from '../../../roles';
import { inviteeRoles } from './plan-rows';
import { loadMeeting, loadState } from './state';
import type { MeetingSummary } from '../../../meetings/views';

export type { MeetingSummary } from '../../../meetings/views';

const summaryColumns = {
	id: meetings.id,
	title: meetings.title,
	startsAt: meetings.startsAt,
	endsAt: meetings.endsAt,
	location: meetings.location,
	onlineUrl: meetings.onlineUrl,
	status: meetings.status,
	chairName: users.name,
	entries: sql<number>`(select count(*)::int from ${meetingAgendaEntries} where ${meetingAgendaEntries.meetingId} = ${meetings.id})`
};

/** Which sessions (and their minutes) an actor may see: all of them, for anyone who may read sessions; none otherwise. */
export function visibleMeetingsWhere(actor: Actor | null): SQL | undefined {
	return can(actor, 'meeting.read') ? undefined : sql`false`;
}

/** Sessions to come (and running) soonest first; sessions held or past, latest first. */
export async function listMeetings(q: Queryable, actor: Actor | null, now = new Date()): Promise<{ upcoming: MeetingSummary[]; past: MeetingSummary[] }> {
	authorize(actor, 'meeting.read');
	const comingUp = and(ne(meetings.status, 'afgesloten'), or(eq(meetings.status, 'live'), gte(meetings.endsAt, now)))!;
	const base = () => q.select(summaryColumns).from(meetings).leftJoin(users, eq(users.id, meetings.chairUserId));
	const [upcoming, past] = await Promise.all([
		base().where(comingUp).orderBy(asc(meetings.startsAt)),
		base().where(not(comingUp)).orderBy(desc(meetings.startsAt)).limit(100)
	]);
	const typed = (rows: typeof upcoming) => rows.map((r) => ({ ...r, status: r.status as MeetingStatus }));
	return { upcoming: typed(upcoming), past: typed(past) };
}

export interface Invitee {
	id: string;
	name: string;
	email: string;
	roles: { role: Role; municipalityId: string | null }[];
}

/** A session with its plan, its invitees and its live state. */
export async function getMeeting(q: Queryable, actor: Actor | null, meetingId: string) {
	authorize(actor, 'meeting.read');
	const row = await loadMeeting(q, meetingId);
	const [state, invitees, [creator]] = await Promise.all([
		loadState(q, meetingId),
		inviteesOf(q, meetingId),
		row.createdBy ? q.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, row.createdBy)) : [undefined]
	]);
	return {
		meeting: { ...row, status: row.status as MeetingStatus },
		creator: creator ?? null,
		invitees,
		state: state satisfies MeetingState
	};
}

/** The invitees with their roles (for grouping by municipality and for chair choices). */
export async function inviteesOf(q: Queryable, meetingId: string): Promise<Invitee[]> {
	const rows = await q
		.select({ id: users.id, name: users.name, email: users.email, role: memberships.role, municipalityId: memberships.municipalityId })
		.from(meetingInvitees)
		.innerJoin(users, eq(users.id, meetingInvitees.userId))
		.leftJoin(memberships, eq(memberships.userId, users.id))
		.where(eq(meetingInvitees.meetingId, meetingId))
		.orderBy(asc(users.name));
	return groupPeople(rows);
}

function groupPeople(rows: { id: string; name: string; email: string; role: string | null; municipalityId: string | null }[]): Invitee[] {
	const byId = new Map<string, Invitee>();
	for (const r of rows) {
		const p = byId.get(r.id) ?? { id: r.id, name: r.name, email: r.email, roles: [] };
		if (r.role) p.roles.push({ role: r.role as Role, municipalityId: r.municipalityId });
		byId.set(r.id, p);
	}
	return [...byId.values()];
}

/** What the planning form offers: the items of the uitvoeringsagenda and the people who may be invited. */
export async function planOptions(q: Queryable, actor: Actor | null) {
	authorize(actor, 'meeting.plan');
	const [items, people] = await Promise.all([
		q
			.select({ id: agendaItems.id, title: agendaItems.title, ambitionId: agendaItems.ambitionId, status: agendaItems.status })
			.from(agendaItems)
			.orderBy(asc(agendaItems.ambitionId), asc(agendaItems.title)),
		q
			.select({ id: users.id, name: users.name, email: users.email, role: memberships.role, municipalityId: memberships.municipalityId })
			.from(users)
			.innerJoin(memberships, eq(memberships.userId, users.id))
			.where(and(isNull(users.disabledAt), inArray(memberships.role, [...inviteeRoles])))
			.orderBy(asc(users.name))
	]);
	return { items, people: groupPeople(people) };
}

/** Who may chair: the verkenner(s), and the invited klankbordgroep members. */
export function chairCandidates(verkenners: Invitee[], invitees: Invitee[]): { id: string; name: string }[] {
	const out = new Map<string, string>();
	for (const p of verkenners) if (p.roles.some((r) => r.role === 'verkenner')) out.set(p.id, p.name);
	for (const p of invitees) if (p.roles.some((r) => r.role === 'verkenner' || r.role === 'klankbordgroeplid')) out.set(p.id, p.name);
	return [...out].map(([id, name]) => ({ id, name }));
}

/** The active verkenners (they may always chair). */
export async function verkenners(q: Queryable): Promise<Invitee[]> {
	const rows = await q
		.select({ id: users.id, name: users.name, email: users.email, role: memberships.role, municipalityId: memberships.municipalityId })
		.from(users)
		.innerJoin(memberships, eq(memberships.userId, users.id))
		.where(and(isNull(users.disabledAt), eq(memberships.role, 'verkenner')))
		.orderBy(asc(users.name));
	return groupPeople(rows);
}

/** The live state of a session, for someone who may read it (joining the room, reconnecting). */
export async function meetingState(q: Queryable, actor: Actor | null, meetingId: string): Promise<MeetingState> {
	authorize(actor, 'meeting.read');
	return loadState(q, meetingId);
}
