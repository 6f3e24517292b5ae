import { isFrozenStatus } from '../../../decisions/constants';
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { agendaItemVersions, agendaItems, ambitions, municipalities, users, type Contributor } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, can, type Actor } from '../../permissions';
import type { AgendaFilter } from '../../../validation/agenda';
import type { Horizon, ItemStatus, Verdeelsleutel, VersionReason } from '../../../agenda/constants';
import { allowedTargets, isReopen } from '../../../agenda/status';
import { trySplitCosts } from '../../../agenda/costs';
import { contentOf, verifyContent, type ItemContent } from './content';
import { diffContents, type VersionDiff } from './diff';
import { loadItemState, type ItemState } from './state';

// ------------------------------------------------------------------------------------------------
// Overview

export interface ItemSummary {
	id: string;
	ambitionId: number;
	title: string;
	summary: string;
	status: ItemStatus;
	horizon: Horizon;
	trekkerId: string | null;
	participants: string[];
	costEstimateCents: number;
	tags: string[];
	updatedAt: Date;
}

export interface AmbitionGroup {
	ambition: { id: number; title: string; shortTitle: string };
	items: ItemSummary[];
	/** Items under this ambition that match the filters. */
	matching: number;
	/** All items under this ambition. */
	total: number;
}

export interface AgendaOverview {
	groups: AmbitionGroup[];
	matching: number;
	total: number;
	filtered: boolean;
}

/** `%term%` for ILIKE, with the pattern characters of the term taken literally. */
function likePattern(term: string): string {
	return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The filters as one SQL condition (undefined when there are none). */
function filterCondition(filter: AgendaFilter): SQL | undefined {
	const parts: (SQL | undefined)[] = [];
	if (filter.ambitie) parts.push(eq(agendaItems.ambitionId, filter.ambitie));
	if (filter.status) parts.push(eq(agendaItems.status, filter.status));
	if (filter.horizon) parts.push(eq(agendaItems.horizon, filter.horizon));
	if (filter.trekker) parts.push(eq(agendaItems.trekkerId, filter.trekker));
	if (filter.gemeente) {
		parts.push(sql`exists (select 1 from agenda_item_participants p where p.item_id = "agenda_items"."id" and p.municipality_id = ${filter.gemeente})`);
	}
	if (filter.q) {
		const p = likePattern(filter.q);
		parts.push(
			or(
				ilike(agendaItems.title, p),
				ilike(agendaItems.summary, p),
				ilike(agendaItems.descriptionText, p),
				ilike(agendaItems.meerwaardeText, p),
				sql`array_to_string(${agendaItems.tags}, ' ') ilike ${p}`
			)
		);
	}
	const present = parts.filter((p): p is SQL => !!p);
	return present.length ? and(...present) : undefined;
}

/**
 * Which items the actor may see: all of them, for anyone who may read items; none otherwise. Every list and the
 * search use this one rule (a draft that only some may see would narrow it here).
 */
export function visibleItemsWhere(actor: Actor | null): SQL | undefined {
	return can(actor, 'item.read') ? undefined : sql`false`;
}

// Spelled out: drizzle leaves column names unqualified in a one-table select, which a subquery cannot use.
const participantIds = sql<
	string[]
>`coalesce((select array_agg(p.municipality_id order by m.sort_order) from agenda_item_participants p join municipalities m on m.id = p.municipality_id where p.item_id = "agenda_items"."id"), '{}'::text[])`;

/**
 * The agenda grouped by ambition, with the filters applied, and per ambition how many items match and
 * how many there are. Three SQL queries, however many items there are.
 */
export async function listItems(q: Queryable, actor: Actor | null, filter: AgendaFilter): Promise<AgendaOverview> {
	authorize(actor, 'item.read');
	const condition = and(visibleItemsWhere(actor), filterCondition(filter));
	const matchSql = condition ?? sql`true`;

	const ambitionRows = await q.select().from(ambitions).orderBy(asc(ambitions.id));
	const counts = await q
		.select({
			ambitionId: agendaItems.ambitionId,
			total: sql<number>`count(*)::int`,
			matching: sql<number>`(count(*) filter (where ${matchSql}))::int`
		})
		.from(agendaItems)
		.where(visibleItemsWhere(actor))
		.groupBy(agendaItems.ambitionId);
	const rows = await q
		.select({
			id: agendaItems.id,
			ambitionId: agendaItems.ambitionId,
			title: agendaItems.title,
			summary: agendaItems.summary,
			status: agendaItems.status,
			horizon: agendaItems.horizon,
			trekkerId: agendaItems.trekkerId,
			participants: participantIds,
			costEstimateCents: agendaItems.costEstimateCents,
			tags: agendaItems.tags,
			updatedAt: agendaItems.updatedAt
		})
		.from(agendaItems)
		.where(condition)
		.orderBy(asc(agendaItems.ambitionId), asc(sql`lower(${agendaItems.title})`), asc(agendaItems.id));

	const items = rows.map((r) => ({
		...r,
		status: r.status as ItemStatus,
		horizon: r.horizon as Horizon,
		costEstimateCents: Number(r.costEstimateCents),
		updatedAt: new Date(r.updatedAt)
	}));
	const countOf = new Map(counts.map((c) => [c.ambitionId, c]));
	const groups = ambitionRows
		.filter((a) => !filter.ambitie || a.id === filter.ambitie)
		.map((ambition) => ({
			ambition,
			items: items.filter((i) => i.ambitionId === ambition.id),
			matching: countOf.get(ambition.id)?.matching ?? 0,
			total: countOf.get(ambition.id)?.total ?? 0
		}));
	const filtered = Object.values(filter).some((v) => v !== null && v !== undefined);
	return {
		groups,
		matching: items.length,
		total: counts.reduce((sum, c) => sum + c.total, 0),
		filtered
	};
}

// ------------------------------------------------------------------------------------------------
// One item

export interface VersionListEntry {
	number: number;
	reason: VersionReason;
	contentHash: string;
	restoredFrom: number | null;
	createdAt: Date;
	createdBy: { id: string; name: string } | null;
	contributors: Contributor[];
}

export interface ItemDetail {
	item: Omit<ItemState, 'pendingContributors'>;
	ambition: { id: number; title: string; shortTitle: string };
	createdBy: { id: string; name: string } | null;
	/** Names of the people involved, in the order of `item.people`. */
	people: { id: string; name: string }[];
	/** The cost split by the current verdeelsleutel and today's inhabitants, or why it cannot be made. */
	costs: ReturnType<typeof trySplitCosts>;
	versions: VersionListEntry[];
	/** Who changed the item since its newest version. */
	pendingContributors: Contributor[];
}

export interface ItemPermissions {
	/** May change the item's content now (false for everyone while the content is frozen). */
	edit: boolean;
	/** The content is frozen for decision-making: shown as a document, changed only after Heropenen. */
	frozen: boolean;
	/** May mark milestones done (implementation data, editable after adoption too). */
	editImplementation: boolean;
	/** The statuses the actor may move the item to now (reopening is not among them: see `reopen`). */
	transitions: ItemStatus[];
	/** May reopen the item (Heropenen, with a reason). */
	reopen: boolean;
	/** May make the item public before adoption, or take that back (an adopted item is always public). */
	publish: boolean;
}

async function versionsOf(q: Queryable, itemId: string): Promise<VersionListEntry[]> {
	const rows = await q
		.select({
			number: agendaItemVersions.number,
			reason: agendaItemVersions.reason,
			contentHash: agendaItemVersions.contentHash,
			restoredFrom: agendaItemVersions.restoredFrom,
			createdAt: agendaItemVersions.createdAt,
			contributors: agendaItemVersions.contributors,
			createdById: users.id,
			createdByName: users.name
		})
		.from(agendaItemVersions)
		.leftJoin(users, eq(users.id, agendaItemVersions.createdBy))
		.where(eq(agendaItemVersions.itemId, itemId))
		.orderBy(desc(agendaItemVersions.number));
	return rows.map(({ createdById, createdByName, ...r }) => ({
		...r,
		reason: r.reason as VersionReason,
		createdBy: createdById ? { id: createdById, name: createdByName ?? '' } : null
	}));
}

/** An item with everything its page and the API show. A fixed number of queries. */
export async function getItem(q: Queryable, actor: Actor | null, itemId: string): Promise<ItemDetail> {
	authorize(actor, 'item.read');
	if (!/^[0-9a-f-]{36}$/i.test(itemId)) throw new DomainError('agenda_item_not_found', {}, {}, 404);
	const state = await loadItemState(q, itemId);
	const [ambition] = await q.select().from(ambitions).where(eq(ambitions.id, state.ambitionId));
	const munis = await q.select().from(municipalities).orderBy(asc(municipalities.sortOrder));
	const userIds = [...new Set([...state.people, ...(state.createdBy ? [state.createdBy] : [])])];
	const names = userIds.length ? await q.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)) : [];
	const nameOf = new Map(names.map((u) => [u.id, u.name]));
	const inhabitants = new Map(munis.map((m) => [m.id, m.inhabitants]));
	const { pendingContributors, ...item } = state;
	return {
		item,
		ambition,
		createdBy: state.createdBy ? { id: state.createdBy, name: nameOf.get(state.createdBy) ?? '' } : null,
		people: state.people.map((id) => ({ id, name: nameOf.get(id) ?? '' })),
		costs: trySplitCosts(
			state.costEstimateCents,
			state.contributions,
			state.verdeelsleutel as Verdeelsleutel,
			state.participants.map((p) => ({ ...p, inhabitants: inhabitants.get(p.municipalityId) ?? 0 }))
		),
		versions: await versionsOf(q, itemId),
		pendingContributors
	};
}

/** What the actor may do with this item now (for the page; every command checks again). */
export function itemPermissions(actor: Actor | null, status: ItemStatus): ItemPermissions {
	const roles = (actor?.grants ?? []).map((g) => g.role);
	const frozen = isFrozenStatus(status);
	const targets = can(actor, 'item.transition')
		? allowedTargets(roles, status).filter((to) => can(actor, 'item.transition', { transition: { from: status, to } }))
		: [];
	return {
		edit: !frozen && can(actor, 'item.edit'),
		frozen,
		editImplementation: can(actor, 'item.edit'),
		transitions: targets.filter((to) => !isReopen(status, to)),
		reopen: targets.some((to) => isReopen(status, to)),
		publish: can(actor, 'item.publish')
	};
}

/** People who can be named as involved: active users with at least one role. */
export async function listPeopleOptions(q: Queryable, actor: Actor | null): Promise<{ id: string; name: string }[]> {
	authorize(actor, 'item.edit');
	return q
		.selectDistinct({ id: users.id, name: users.name })
		.from(users)
		.where(and(isNull(users.disabledAt), sql`exists (select 1 from memberships ms where ms.user_id = "users"."id")`))
		.orderBy(asc(users.name), asc(users.id));
}

// ------------------------------------------------------------------------------------------------
// Versions

export interface VersionDetail extends VersionListEntry {
	content: ItemContent;
	/** The SHA-256 of the stored canonical content still matches the stored hash. */
	verified: boolean;
}

export async function getVersion(q: Queryable, actor: Actor | null, itemId: string, number: number): Promise<VersionDetail> {
	authorize(actor, 'item.read');
	const rows = await q
		.select({ v: agendaItemVersions, createdByName: users.name })
		.from(agendaItemVersions)
		.leftJoin(users, eq(users.id, agendaItemVersions.createdBy))
		.where(and(eq(agendaItemVersions.itemId, itemId), eq(agendaItemVersions.number, number)));
	const row = rows[0];
	if (!row) throw new DomainError('agenda_version_not_found', {}, {}, 404);
	const v = row.v;
	return {
		number: v.number,
		reason: v.reason as VersionReason,
		contentHash: v.contentHash,
		restoredFrom: v.restoredFrom,
		createdAt: v.createdAt,
		createdBy: v.createdBy ? { id: v.createdBy, name: row.createdByName ?? '' } : null,
		contributors: v.contributors,
		content: JSON.parse(v.content) as ItemContent,
		verified: verifyContent(v.content, v.contentHash)
	};
}

/** Two versions of an item and what changed between them (`from` older or newer, as asked). */
export async function compareVersions(
	q: Queryable,
	actor: Actor | null,
	itemId: string,
	from: number,
	to: number
): Promise<{ from: VersionDetail; to: VersionDetail; diff: VersionDiff }> {
	const a = await getVersion(q, actor, itemId, from);
	const b = await getVersion(q, actor, itemId, to);
	return { from: a, to: b, diff: diffContents(a.content, b.content) };
}

/** The current content of an item as a version would freeze it (for comparing with a version). */
export async function currentContent(q: Queryable, actor: Actor | null, itemId: string): Promise<ItemContent> {
	authorize(actor, 'item.read');
	return contentOf(await loadItemState(q, itemId));
}

/** Names of everyone named as involved in either of two versions (for the diff page). */
export async function listPeopleNames(q: Queryable, actor: Actor | null, itemId: string, ...numbers: number[]): Promise<{ id: string; name: string }[]> {
	authorize(actor, 'item.read');
	const rows = await q
		.select({ content: agendaItemVersions.content })
		.from(agendaItemVersions)
		.where(and(eq(agendaItemVersions.itemId, itemId), inArray(agendaItemVersions.number, numbers)));
	const ids = [...new Set(rows.flatMap((r) => (JSON.parse(r.content) as ItemContent).people))];
	if (!ids.length) return [];
	return q.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
}
