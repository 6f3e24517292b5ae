import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { likePattern } from '../../db/like';
import { agendaItems, ambitions, municipalities, progressReports } from '../../db/schema';
import { adoptedStatuses, isAdoptedStatus } from '../../../public/visibility';
import type { Horizon, ItemStatus } from '../../../agenda/constants';
import type { MunicipalityId } from '../../../roles';
import { publicItemsWhere } from './visibility';
import type { PublicFilter, PublicPage } from './filter';
import type { PublicItemSummary } from './schemas';

export interface PublicItemList {
	/** Public items in all. */
	total: number;
	/** Public items matching the filter (before the page is cut). */
	matching: number;
	items: PublicItemSummary[];
}

/** The public page of an item: the address residents share, and the open data's `url`. */
export const publicItemPath = (id: string) => `/openbaar/agenda/${id}`;

const participantIds = sql<
	string[]
>`coalesce((select array_agg(p.municipality_id order by m.sort_order) from agenda_item_participants p join municipalities m on m.id = p.municipality_id where p.item_id = "agenda_items"."id"), '{}'::text[])`;

const latestProgress = sql<
	number | null
>`(select pr.percent from ${progressReports} pr where pr.item_id = "agenda_items"."id" order by pr.reported_at desc limit 1)`;

/**
 * The public items matching the filter, by ambition and title, with the page cut when one is given. Two
 * SQL statements however many items there are. The search reads only what is public of an item: title,
 * summary and labels, and the texts of adopted items (those are the signed texts; an item made public
 * early may have a draft text in its row that the public must not find words of).
 */
export async function listPublicItems(q: Queryable, filter: PublicFilter, page?: PublicPage): Promise<PublicItemList> {
	const condition = and(publicItemsWhere(), filterCondition(filter));
	const [{ total }] = await q
		.select({ total: sql<number>`count(*)::int` })
		.from(agendaItems)
		.where(publicItemsWhere());
	const base = q
		.select({
			id: agendaItems.id,
			title: agendaItems.title,
			summary: agendaItems.summary,
			ambitionId: agendaItems.ambitionId,
			status: agendaItems.status,
			horizon: agendaItems.horizon,
			trekkerId: agendaItems.trekkerId,
			participants: participantIds,
			costEstimateCents: agendaItems.costEstimateCents,
			startDate: agendaItems.startDate,
			endDate: agendaItems.endDate,
			progressPercent: latestProgress,
			updatedAt: agendaItems.updatedAt,
			matching: sql<number>`(count(*) over ())::int`
		})
		.from(agendaItems)
		.where(condition)
		.orderBy(asc(agendaItems.ambitionId), asc(sql`lower(${agendaItems.title})`), asc(agendaItems.id));
	const rows = page ? await base.limit(page.limit).offset(page.offset) : await base;
	return { total, matching: rows[0]?.matching ?? (page ? await countMatching(q, condition) : 0), items: rows.map(toSummary) };
}

async function countMatching(q: Queryable, condition: SQL | undefined): Promise<number> {
	const [{ n }] = await q
		.select({ n: sql<number>`count(*)::int` })
		.from(agendaItems)
		.where(condition);
	return n;
}

function toSummary(r: {
	id: string;
	title: string;
	summary: string;
	ambitionId: number;
	status: string;
	horizon: string;
	trekkerId: string | null;
	participants: string[];
	costEstimateCents: number;
	startDate: string | null;
	endDate: string | null;
	progressPercent: number | null;
	updatedAt: Date | string;
}): PublicItemSummary {
	return {
		id: r.id,
		url: publicItemPath(r.id),
		title: r.title,
		summary: r.summary,
		ambitionId: r.ambitionId,
		status: r.status as ItemStatus,
		adopted: isAdoptedStatus(r.status),
		horizon: r.horizon as Horizon,
		trekker: r.trekkerId as MunicipalityId | null,
		participants: r.participants as MunicipalityId[],
		costEstimateCents: Number(r.costEstimateCents),
		startDate: r.startDate,
		endDate: r.endDate,
		progressPercent: r.progressPercent === null ? null : Number(r.progressPercent),
		updatedAt: new Date(r.updatedAt).toISOString()
	};
}

function filterCondition(filter: PublicFilter): SQL | undefined {
	const parts: SQL[] = [];
	if (filter.ambitie) parts.push(eq(agendaItems.ambitionId, filter.ambitie));
	if (filter.status) parts.push(eq(agendaItems.status, filter.status));
	if (filter.gemeente) {
		parts.push(sql`exists (select 1 from agenda_item_participants p where p.item_id = "agenda_items"."id" and p.municipality_id = ${filter.gemeente})`);
	}
	if (filter.q) {
		const p = likePattern(filter.q);
		const adopted = inArray(agendaItems.status, [...adoptedStatuses]);
		parts.push(
			or(
				ilike(agendaItems.title, p),
				ilike(agendaItems.summary, p),
				sql`array_to_string(${agendaItems.tags}, ' ') ilike ${p}`,
				and(adopted, or(ilike(agendaItems.descriptionText, p), ilike(agendaItems.meerwaardeText, p)))
			) as SQL
		);
	}
	return parts.length ? and(...parts) : undefined;
}

/** The seven ambitions and the five municipalities, for the public pages' headings and filters. */
export async function publicRegion(q: Queryable) {
	const [ambitionRows, municipalityRows] = await Promise.all([
		q.select().from(ambitions).orderBy(asc(ambitions.id)),
		q
			.select({ id: municipalities.id, name: municipalities.name, inhabitants: municipalities.inhabitants })
			.from(municipalities)
			.orderBy(asc(municipalities.sortOrder))
	]);
	return { ambitions: ambitionRows, municipalities: municipalityRows };
}
