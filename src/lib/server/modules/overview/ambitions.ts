import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { agendaItems, ambitions } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { itemStatuses, type ItemStatus } from '../../../agenda/constants';
import { visibleItemsWhere } from '../agenda-items';

/** An item in execution and its newest reported progress (null: nothing reported yet). */
export interface ExecutionItem {
	id: string;
	title: string;
	percent: number | null;
}

/** One ambition at a glance: how many items it has in each status and how far those in execution are. */
export interface AmbitionFigures {
	id: number;
	title: string;
	shortTitle: string;
	total: number;
	/** Every status, zero included, so a page can link each to the agenda filtered on it. */
	byStatus: Record<ItemStatus, number>;
	execution: {
		items: ExecutionItem[];
		/** The mean of the reported percentages, rounded; null while none was reported. */
		averagePercent: number | null;
		reported: number;
	};
}

const noStatuses = (): Record<ItemStatus, number> => Object.fromEntries(itemStatuses.map((s) => [s, 0])) as Record<ItemStatus, number>;

/**
 * The seven ambitions with their items counted per status (the counts the agenda shows for `?ambitie=&status=`)
 * and the progress of their items in execution. Three queries, however many items there are.
 */
export async function ambitionFigures(q: Queryable, actor: Actor | null): Promise<AmbitionFigures[]> {
	authorize(actor, 'item.read');
	const [ambitionRows, counts, executing] = await Promise.all([
		q.select().from(ambitions).orderBy(asc(ambitions.id)),
		q
			.select({ ambitionId: agendaItems.ambitionId, status: agendaItems.status, count: sql<number>`count(*)::int` })
			.from(agendaItems)
			.where(visibleItemsWhere(actor))
			.groupBy(agendaItems.ambitionId, agendaItems.status),
		q
			.select({
				id: agendaItems.id,
				title: agendaItems.title,
				ambitionId: agendaItems.ambitionId,
				// The newest report is the item's progress, as on the item page.
				percent: sql<number | null>`(select p.percent from progress_reports p where p.item_id = "agenda_items"."id" order by p.reported_at desc limit 1)`
			})
			.from(agendaItems)
			.where(and(visibleItemsWhere(actor), eq(agendaItems.status, 'in_uitvoering')))
			.orderBy(asc(sql`lower(${agendaItems.title})`), asc(agendaItems.id))
	]);
	return ambitionRows.map((a) => {
		const byStatus = noStatuses();
		for (const c of counts) if (c.ambitionId === a.id) byStatus[c.status as ItemStatus] = Number(c.count);
		const items = executing
			.filter((i) => i.ambitionId === a.id)
			.map(({ id, title, percent }) => ({ id, title, percent: percent === null ? null : Number(percent) }));
		return {
			id: a.id,
			title: a.title,
			shortTitle: a.shortTitle,
			total: Object.values(byStatus).reduce((x, y) => x + y, 0),
			byStatus,
			execution: executionOf(items)
		};
	});
}

function executionOf(items: ExecutionItem[]): AmbitionFigures['execution'] {
	const reported = items.flatMap((i) => (i.percent === null ? [] : [i.percent]));
	const averagePercent = reported.length ? Math.round(reported.reduce((x, y) => x + y, 0) / reported.length) : null;
	return { items, averagePercent, reported: reported.length };
}
