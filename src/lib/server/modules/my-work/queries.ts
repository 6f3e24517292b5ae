import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db';
import type { Actor } from '../../permissions';
import type { MunicipalRole } from '../../../roles';
import type { VoidReason } from '../../../decisions/constants';
import type { ItemStatus } from '../../../agenda/constants';
import { rowsOf } from '../../db/rows';

/** An item waiting for one municipality, since the item reached its status. */
export interface WaitingItem {
	itemId: string;
	title: string;
	municipalityId: string;
	since: Date;
}

export interface VoidedDecision {
	itemId: string;
	title: string;
	municipalityId: string;
	version: number;
	reason: VoidReason;
	byName: string;
	at: Date;
}

export interface ActionPoint {
	id: string;
	meetingId: string;
	meetingTitle: string;
	itemId: string | null;
	body: string;
	dueOn: string | null;
}

/** An action point with the name of whoever owns it (the region's overview lists everyone's). */
export interface OverdueActionPoint extends ActionPoint {
	ownerName: string;
}

/** For the verkenner: an item and the municipalities it waits for, by what it waits for. */
export interface StuckItem {
	itemId: string;
	title: string;
	status: ItemStatus;
	since: Date;
	waitingFor: string[];
}

/** How long back voided college decisions are shown. */
export const VOIDED_DAYS = 30;

/** The municipalities in which the actor holds `role`. */
export function municipalitiesAs(actor: Actor, role: MunicipalRole): string[] {
	return actor.grants.filter((g) => g.role === role && g.municipalityId).map((g) => g.municipalityId as string);
}

const ids = (list: string[]) => sql`${sql.param(list)}::text[]`;

/** When the item reached its current status: its newest status version. */
const since = sql`coalesce((select max(v.created_at) from agenda_item_versions v where v.item_id = i.id and v.reason = 'status'), i.updated_at)`;

/** Items gereed voor besluitvorming in which a municipality takes part and its college has not decided yet. */
export async function awaitingDecision(q: Queryable, municipalityIds: string[]): Promise<WaitingItem[]> {
	if (!municipalityIds.length) return [];
	return waiting(
		q,
		municipalityIds,
		sql`i.status = 'gereed_voor_besluitvorming' and not exists (select 1 from sign_offs s where s.item_id = i.id and s.municipality_id = p.municipality_id and s.voided_at is null)`
	);
}

/** Adopted items in which a municipality takes part and its council follow-up is not recorded yet. */
export async function awaitingCouncil(q: Queryable, municipalityIds: string[]): Promise<WaitingItem[]> {
	if (!municipalityIds.length) return [];
	return waiting(
		q,
		municipalityIds,
		sql`i.status in ('vastgesteld','in_uitvoering','afgerond') and not exists (select 1 from council_decisions c where c.item_id = i.id and c.municipality_id = p.municipality_id)`
	);
}

/** Items in bespreking in which a municipality takes part without a position yet (nog geen standpunt counts as none). */
export async function awaitingPosition(q: Queryable, municipalityIds: string[]): Promise<WaitingItem[]> {
	if (!municipalityIds.length) return [];
	return waiting(
		q,
		municipalityIds,
		sql`i.status = 'in_bespreking' and not exists (select 1 from positions s where s.item_id = i.id and s.municipality_id = p.municipality_id and s.position <> 'nog_geen_standpunt')`
	);
}

async function waiting(q: Queryable, municipalityIds: string[], condition: ReturnType<typeof sql>): Promise<WaitingItem[]> {
	const result = await q.execute(sql`
		select i.id as "itemId", i.title, p.municipality_id as "municipalityId", ${since} as since
		from agenda_items i join agenda_item_participants p on p.item_id = i.id
		where p.municipality_id = any(${ids(municipalityIds)}) and ${condition}
		order by since asc, i.title asc`);
	return rowsOf<WaitingItem & { since: Date | string }>(result).map((r) => ({ ...r, since: new Date(r.since) }));
}

/** College decisions of these municipalities voided in the last days, newest first. */
export async function voidedDecisions(q: Queryable, municipalityIds: string[], now = new Date()): Promise<VoidedDecision[]> {
	if (!municipalityIds.length) return [];
	const from = new Date(now.getTime() - VOIDED_DAYS * 86_400_000);
	const result = await q.execute(sql`
		select s.item_id as "itemId", i.title, s.municipality_id as "municipalityId", s.version_number as version,
			s.void_reason as reason, s.voided_by_name as "byName", s.voided_at as at
		from sign_offs s join agenda_items i on i.id = s.item_id
		where s.municipality_id = any(${ids(municipalityIds)}) and s.voided_at >= ${from.toISOString()}::timestamptz
		order by s.voided_at desc
		limit 50`);
	return rowsOf<VoidedDecision & { at: Date | string }>(result).map((r) => ({ ...r, at: new Date(r.at) }));
}

/** An action point from a session's minutes that still stands: the minutes have no "done", only striking out. */
const openActionPoint = sql`m.kind = 'actiepunt' and m.deleted_at is null`;

/** Open action points that also meet `condition`, soonest due first (those without a due date last). */
async function actionPoints(q: Queryable, condition: SQL): Promise<(ActionPoint & { ownerName: string })[]> {
	const result = await q.execute(sql`
		select m.id, m.meeting_id as "meetingId", mt.title as "meetingTitle", m.item_id as "itemId", m.body, m.due_on::text as "dueOn",
			m.owner_name as "ownerName"
		from meeting_minutes m join meetings mt on mt.id = m.meeting_id
		where ${openActionPoint} and ${condition}
		order by m.due_on asc nulls last, m.created_at asc
		limit 50`);
	return rowsOf<ActionPoint & { ownerName: string }>(result);
}

/**
 * Open action points from sessions owned by this person. Minutes name the owner as text (a session's scribe
 * types a name, not an account), so the match is on the person's name as the portal knows it.
 */
export async function actionPointsOf(q: Queryable, name: string): Promise<ActionPoint[]> {
	const rows = await actionPoints(q, sql`lower(trim(m.owner_name)) = lower(trim(${name}))`);
	return rows.map(({ ownerName, ...point }) => point);
}

/**
 * Open action points of anyone whose due date passed between `since` and `today` (Amsterdam dates). The
 * minutes record no completion, so a deadline older than `since` is history, not a reminder.
 */
export async function overdueActionPoints(q: Queryable, today: string, since: string): Promise<OverdueActionPoint[]> {
	return actionPoints(q, sql`m.due_on < ${today}::date and m.due_on >= ${since}::date`);
}

/**
 * For the verkenner, what is stuck where: each item in bespreking, up for decision or adopted, with the
 * participating municipalities that still owe their position, college decision or council follow-up.
 */
export async function stuckItems(q: Queryable): Promise<StuckItem[]> {
	const result = await q.execute(sql`
		select i.id as "itemId", i.title, i.status, ${since} as since, array_agg(p.municipality_id order by p.municipality_id) as "waitingFor"
		from agenda_items i join agenda_item_participants p on p.item_id = i.id
		where (i.status = 'in_bespreking' and not exists (select 1 from positions s where s.item_id = i.id and s.municipality_id = p.municipality_id and s.position <> 'nog_geen_standpunt'))
			or (i.status = 'gereed_voor_besluitvorming' and not exists (select 1 from sign_offs s where s.item_id = i.id and s.municipality_id = p.municipality_id and s.voided_at is null))
			or (i.status in ('vastgesteld','in_uitvoering') and not exists (select 1 from council_decisions c where c.item_id = i.id and c.municipality_id = p.municipality_id))
		group by i.id, i.title, i.status, i.updated_at
		order by since asc
		limit 100`);
	return rowsOf<StuckItem & { since: Date | string; waitingFor: string[] | string }>(result).map((r) => ({
		...r,
		since: new Date(r.since),
		waitingFor: Array.isArray(r.waitingFor) ? r.waitingFor : String(r.waitingFor).replace(/[{}]/g, '').split(',').filter(Boolean)
	}));
}
