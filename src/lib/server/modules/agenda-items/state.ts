import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { groupByItem } from '../../db/rows';
import {
	agendaItemContributions,
	agendaItemLinks,
	agendaItemMilestones,
	agendaItemParticipants,
	agendaItemPeople,
	agendaItems,
	municipalities,
	type Contributor
} from '../../db/schema';
import { DomainError } from '../../errors';
import type { Horizon, ItemStatus, Verdeelsleutel } from '../../../agenda/constants';
import { linkedAssessments, type ItemCollaboration } from '../register';
import { itemScenariosOf, type ItemScenarios } from './scenarios';

export type ItemRow = typeof agendaItems.$inferSelect;

/** Everything an item is, as the use cases read and write it (children in their stored order). */
export interface ItemState {
	id: string;
	ambitionId: number;
	title: string;
	summary: string;
	descriptionHtml: string;
	descriptionText: string;
	meerwaardeHtml: string;
	meerwaardeText: string;
	horizon: Horizon;
	trekkerId: string | null;
	status: ItemStatus;
	startDate: string | null;
	endDate: string | null;
	costEstimateCents: number;
	verdeelsleutel: Verdeelsleutel;
	tags: string[];
	contributions: { label: string; amountCents: number }[];
	/** In municipality order. */
	participants: { municipalityId: string; customShareBp: number | null }[];
	milestones: { title: string; dueDate: string; done: boolean }[];
	links: { title: string; url: string; kenmerk: string }[];
	/** User ids, sorted. */
	people: string[];
	/** The arrangement the item proposes, with its linked assessment (signed content); absent without a link. */
	collaboration?: ItemCollaboration;
	/** The options the item puts side by side and the one it proposes (signed content); absent without any. */
	scenarios?: ItemScenarios;
	revision: number;
	seq: number;
	pendingContributors: Contributor[];
	createdBy: string | null;
	createdAt: Date;
	updatedAt: Date;
	/** Since when the verkenner made the item public before adoption (null: public only from vastgesteld on). Not signed content. */
	publicSince: Date | null;
}

/**
 * Reads one item with all its parts. With `lock`, the item row is locked (SELECT … FOR UPDATE) until the
 * transaction ends, so concurrent writers of the same item queue up instead of overwriting each other.
 */
export async function loadItemState(q: Queryable, itemId: string, opts: { lock?: boolean } = {}): Promise<ItemState> {
	const base = q.select().from(agendaItems).where(eq(agendaItems.id, itemId));
	const [row] = opts.lock ? await base.for('update') : await base;
	if (!row) throw new DomainError('agenda_item_not_found', {}, {}, 404);
	const [states] = await loadChildren(q, [row]);
	return states;
}

/** The children of several items in a fixed number of queries (one per child table). */
export async function loadChildren(q: Queryable, rows: ItemRow[]): Promise<ItemState[]> {
	if (rows.length === 0) return [];
	const ids = rows.map((r) => r.id);
	const [contributions, participants, milestones, links, people, linked, scenarios] = await Promise.all([
		q.select().from(agendaItemContributions).where(inArray(agendaItemContributions.itemId, ids)).orderBy(asc(agendaItemContributions.position)),
		q
			.select({
				itemId: agendaItemParticipants.itemId,
				municipalityId: agendaItemParticipants.municipalityId,
				customShareBp: agendaItemParticipants.customShareBp
			})
			.from(agendaItemParticipants)
			.innerJoin(municipalities, eq(municipalities.id, agendaItemParticipants.municipalityId))
			.where(inArray(agendaItemParticipants.itemId, ids))
			.orderBy(asc(municipalities.sortOrder)),
		q.select().from(agendaItemMilestones).where(inArray(agendaItemMilestones.itemId, ids)).orderBy(asc(agendaItemMilestones.position)),
		q.select().from(agendaItemLinks).where(inArray(agendaItemLinks.itemId, ids)).orderBy(asc(agendaItemLinks.position)),
		q.select().from(agendaItemPeople).where(inArray(agendaItemPeople.itemId, ids)).orderBy(asc(agendaItemPeople.userId)),
		linkedAssessments(q, ids),
		itemScenariosOf(q, ids)
	]);
	const grouped = <T extends { itemId: string }>(list: T[]) => {
		const byItem = groupByItem(list);
		return (id: string) => byItem.get(id) ?? [];
	};
	const contributionsOf = grouped(contributions);
	const participantsOf = grouped(participants);
	const milestonesOf = grouped(milestones);
	const linksOf = grouped(links);
	const peopleOf = grouped(people);
	return rows.map((row) => ({
		...row,
		horizon: row.horizon as Horizon,
		status: row.status as ItemStatus,
		verdeelsleutel: row.verdeelsleutel as Verdeelsleutel,
		contributions: contributionsOf(row.id).map((c) => ({ label: c.label, amountCents: c.amountCents })),
		participants: participantsOf(row.id).map((p) => ({ municipalityId: p.municipalityId, customShareBp: p.customShareBp })),
		milestones: milestonesOf(row.id).map((m) => ({ title: m.title, dueDate: m.dueDate, done: m.done })),
		links: linksOf(row.id).map((l) => ({ title: l.title, url: l.url, kenmerk: l.kenmerk })),
		people: peopleOf(row.id).map((p) => p.userId),
		...(linked.has(row.id) ? { collaboration: linked.get(row.id) } : {}),
		...(scenarios.has(row.id) ? { scenarios: scenarios.get(row.id) } : {})
	}));
}

/** Which child lists a write replaces. */
export type ChildList = 'contributions' | 'participants' | 'milestones' | 'links' | 'people';

/** Replaces the given child lists of an item with the values in `state` (delete + insert, in the caller's transaction). */
export async function writeChildren(q: Queryable, state: ItemState, lists: readonly ChildList[]): Promise<void> {
	const itemId = state.id;
	for (const list of lists) {
		switch (list) {
			case 'contributions':
				await q.delete(agendaItemContributions).where(eq(agendaItemContributions.itemId, itemId));
				if (state.contributions.length) await q.insert(agendaItemContributions).values(state.contributions.map((c, position) => ({ itemId, position, ...c })));
				break;
			case 'participants':
				await q.delete(agendaItemParticipants).where(eq(agendaItemParticipants.itemId, itemId));
				if (state.participants.length) await q.insert(agendaItemParticipants).values(state.participants.map((p) => ({ itemId, ...p })));
				break;
			case 'milestones':
				await q.delete(agendaItemMilestones).where(eq(agendaItemMilestones.itemId, itemId));
				if (state.milestones.length) await q.insert(agendaItemMilestones).values(state.milestones.map((m, position) => ({ itemId, position, ...m })));
				break;
			case 'links':
				await q.delete(agendaItemLinks).where(eq(agendaItemLinks.itemId, itemId));
				if (state.links.length) await q.insert(agendaItemLinks).values(state.links.map((l, position) => ({ itemId, position, ...l })));
				break;
			case 'people':
				await q.delete(agendaItemPeople).where(eq(agendaItemPeople.itemId, itemId));
				if (state.people.length) await q.insert(agendaItemPeople).values(state.people.map((userId) => ({ itemId, userId })));
				break;
		}
	}
}

/** Adds someone to the contributors since the last version (once). */
/** The item row's structured columns as they stand in a state (texts are written by co-editing or a restore). */
export function structuredColumns(state: ItemState) {
	return {
		ambitionId: state.ambitionId,
		title: state.title,
		summary: state.summary,
		horizon: state.horizon,
		trekkerId: state.trekkerId,
		startDate: state.startDate,
		endDate: state.endDate,
		costEstimateCents: state.costEstimateCents,
		verdeelsleutel: state.verdeelsleutel,
		tags: state.tags
	};
}

export function withContributor(list: readonly Contributor[], who: Contributor | null): Contributor[] {
	if (!who || list.some((c) => c.userId === who.userId)) return [...list];
	return [...list, { userId: who.userId, name: who.name }];
}

/** Bumps the per-item sequence number and returns the new value (inside the caller's transaction). */
export async function nextSeq(q: Queryable, itemId: string): Promise<number> {
	const [row] = await q
		.update(agendaItems)
		.set({ seq: sql`${agendaItems.seq} + 1` })
		.where(eq(agendaItems.id, itemId))
		.returning({ seq: agendaItems.seq });
	return row.seq;
}
