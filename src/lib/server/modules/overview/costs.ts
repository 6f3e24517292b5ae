import { and, asc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { groupByItem } from '../../db/rows';
import { agendaItemContributions, agendaItemParticipants, agendaItems, municipalities } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import type { ItemStatus, Verdeelsleutel } from '../../../agenda/constants';
import { trySplitCosts, type CostSplitProblem } from '../../../agenda/costs';
import { visibleItemsWhere } from '../agenda-items';

/** Adopted and later: what the colleges agreed to pay. The rest is still a proposal. */
const adoptedStatuses: readonly ItemStatus[] = ['vastgesteld', 'in_uitvoering', 'afgerond'];

export interface MunicipalityCosts {
	id: string;
	name: string;
	/** Its shares of the items adopted, in execution or completed. */
	adoptedCents: number;
	/** Its shares of the items still in concept, in bespreking or up for decision. */
	plannedCents: number;
}

export interface CostFigures {
	municipalities: MunicipalityCosts[];
	/** Items with costs whose split went into the sums. */
	counted: number;
	/** Items with costs whose split cannot be made (the item page says why): left out of the sums, named. */
	unsplit: { id: string; title: string; problem: CostSplitProblem; params: Record<string, string | number> }[];
}

/**
 * Each item's cost estimate split by its verdeelsleutel over its participants (less what others contribute),
 * exactly as the item page splits it with today's inhabitants, summed per municipality. Rejected items cost
 * nothing. Four queries, however many items there are.
 */
export async function costFigures(q: Queryable, actor: Actor | null): Promise<CostFigures> {
	authorize(actor, 'item.read');
	const counted = and(visibleItemsWhere(actor), ne(agendaItems.status, 'afgewezen'), sql`${agendaItems.costEstimateCents} > 0`);
	const [munis, items, participants, contributions] = await Promise.all([
		q
			.select({ id: municipalities.id, name: municipalities.name, inhabitants: municipalities.inhabitants })
			.from(municipalities)
			.orderBy(asc(municipalities.sortOrder)),
		q
			.select({
				id: agendaItems.id,
				title: agendaItems.title,
				status: agendaItems.status,
				cents: agendaItems.costEstimateCents,
				key: agendaItems.verdeelsleutel
			})
			.from(agendaItems)
			.where(counted)
			.orderBy(asc(sql`lower(${agendaItems.title})`), asc(agendaItems.id)),
		...partsOf(q, counted)
	]);
	const inhabitants = new Map(munis.map((m) => [m.id, m.inhabitants]));
	const participantsOf = groupByItem(participants.map((p) => ({ ...p, inhabitants: inhabitants.get(p.municipalityId) ?? 0 })));
	const contributionsOf = groupByItem(contributions.map((c) => ({ ...c, amountCents: Number(c.amountCents) })));
	const sums = new Map(munis.map((m) => [m.id, { id: m.id, name: m.name, adoptedCents: 0, plannedCents: 0 }]));
	const unsplit: CostFigures['unsplit'] = [];
	for (const item of items) {
		const split = trySplitCosts(Number(item.cents), contributionsOf.get(item.id) ?? [], item.key as Verdeelsleutel, participantsOf.get(item.id) ?? []);
		if (!split.ok) {
			unsplit.push({ id: item.id, title: item.title, problem: split.key, params: split.params });
			continue;
		}
		const adopted = adoptedStatuses.includes(item.status as ItemStatus);
		for (const share of split.split.shares) {
			const sum = sums.get(share.municipalityId);
			if (sum) sum[adopted ? 'adoptedCents' : 'plannedCents'] += share.cents;
		}
	}
	return { municipalities: [...sums.values()], counted: items.length - unsplit.length, unsplit };
}

/** The participants (in municipality order, which breaks rounding ties) and outside contributions of the counted items. */
function partsOf(q: Queryable, counted: SQL | undefined) {
	return [
		q
			.select({
				itemId: agendaItemParticipants.itemId,
				municipalityId: agendaItemParticipants.municipalityId,
				customShareBp: agendaItemParticipants.customShareBp
			})
			.from(agendaItemParticipants)
			.innerJoin(agendaItems, eq(agendaItems.id, agendaItemParticipants.itemId))
			.innerJoin(municipalities, eq(municipalities.id, agendaItemParticipants.municipalityId))
			.where(counted)
			.orderBy(asc(municipalities.sortOrder)),
		q
			.select({ itemId: agendaItemContributions.itemId, label: agendaItemContributions.label, amountCents: agendaItemContributions.amountCents })
			.from(agendaItemContributions)
			.innerJoin(agendaItems, eq(agendaItems.id, agendaItemContributions.itemId))
			.where(counted)
			.orderBy(asc(agendaItemContributions.position))
	] as const;
}
