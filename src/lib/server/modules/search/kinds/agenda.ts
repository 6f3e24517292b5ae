import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../db';
import { agendaItemVersions, agendaItems, comments, itemScenarios } from '../../../db/schema';
import { visibleItemsWhere } from '../../agenda-items';
import { visibleCommentsWhere } from '../../comments';
import type { SearchRequest } from '../../../../validation/search';
import { amsterdamDate, bestIds, candidate, dateRange, group, headline, matches, noHits, present, searchColumn, type Context, type SearchGroup } from '../sql';

/** Items participated in by the filter's municipality. */
const participates = (itemId: SQL | typeof agendaItems.id, municipalityId: string) =>
	sql`exists (select 1 from agenda_item_participants p where p.item_id = ${itemId} and p.municipality_id = ${municipalityId})`;

/** The filters that belong to an item, for everything that is an item or lives on one. */
function itemFilters(request: SearchRequest): SQL[] {
	return present(
		request.ambitie ? eq(agendaItems.ambitionId, request.ambitie) : undefined,
		request.status ? eq(agendaItems.status, request.status) : undefined,
		request.gemeente ? participates(agendaItems.id, request.gemeente) : undefined
	);
}

/**
 * Items, found by their own fields or by the title and description of one of their options (scenarios): both are
 * the item's text. An item found by an option ranks by that option's best match, and its passage may come from it.
 */
export async function searchItems(q: Queryable, { actor, request, tsquery, limit }: Context): Promise<SearchGroup> {
	const where = (...own: SQL[]) => and(...own, visibleItemsWhere(actor), ...itemFilters(request), ...dateRange(amsterdamDate(agendaItems.updatedAt), request));
	const byOwnText = q
		.select(candidate('agenda_items', agendaItems.id, agendaItems.updatedAt, tsquery))
		.from(agendaItems)
		.where(where(matches('agenda_items', tsquery)));
	const byOption = q
		.select({
			...candidate('agenda_items', agendaItems.id, agendaItems.updatedAt, tsquery),
			rank: sql<number>`max(ts_rank(${searchColumn('item_scenarios')}, ${tsquery}))`.as('rank')
		})
		.from(itemScenarios)
		.innerJoin(agendaItems, eq(agendaItems.id, itemScenarios.itemId))
		.where(where(matches('item_scenarios', tsquery), isNull(itemScenarios.removedAt), sql`not (${matches('agenda_items', tsquery)})`))
		.groupBy(agendaItems.id);
	const found = await bestIds(q, sql`(${byOwnText}) union all (${byOption})`, limit);
	if (!found.ids.length) return noHits('items', found);
	const options = sql`coalesce((select string_agg(s.title || ': ' || s.description, ' · ' order by s.position) from item_scenarios s
		where s.item_id = ${agendaItems.id} and s.removed_at is null), '')`;
	const text = sql`${agendaItems.summary} || ' ' || ${agendaItems.descriptionText} || ' ' || ${agendaItems.meerwaardeText} || ' ' || rp_words(${agendaItems.tags}) || ' · ' || ${options}`;
	const rows = await q
		.select({
			id: agendaItems.id,
			title: agendaItems.title,
			passage: headline(text, tsquery),
			at: agendaItems.updatedAt,
			ambitionId: agendaItems.ambitionId,
			status: agendaItems.status
		})
		.from(agendaItems)
		.where(inArray(agendaItems.id, found.ids));
	return group('items', found, rows, (r) => ({ ...r, href: `/agenda/${r.id}`, itemId: r.id, municipalityId: null, internal: false, detail: null }));
}

export async function searchComments(q: Queryable, { actor, request, tsquery, limit }: Context): Promise<SearchGroup> {
	const matching = q
		.select(candidate('comments', comments.id, comments.createdAt, tsquery))
		.from(comments)
		.innerJoin(agendaItems, eq(agendaItems.id, comments.itemId))
		.where(
			and(
				matches('comments', tsquery),
				isNull(comments.deletedAt),
				visibleItemsWhere(actor),
				visibleCommentsWhere(actor),
				...itemFilters(request),
				...dateRange(amsterdamDate(comments.createdAt), request)
			)
		);
	const found = await bestIds(q, matching, limit);
	if (!found.ids.length) return noHits('comments', found);
	const rows = await q
		.select({
			id: comments.id,
			title: agendaItems.title,
			passage: headline(sql`${comments.body}`, tsquery),
			at: comments.createdAt,
			itemId: comments.itemId,
			ambitionId: agendaItems.ambitionId,
			status: agendaItems.status,
			municipalityId: comments.municipalityId
		})
		.from(comments)
		.innerJoin(agendaItems, eq(agendaItems.id, comments.itemId))
		.where(inArray(comments.id, found.ids));
	return group('comments', found, rows, (r) => ({ ...r, href: `/agenda/${r.itemId}#reactie-${r.id}`, internal: r.municipalityId !== null, detail: null }));
}

/**
 * Earlier versions' text: what an item said before (a sentence since removed, a cost since changed). Only the
 * newest matching version of an item counts, and only when the item as it is now does not match: that item is
 * already in the items' group, and each of its versions would repeat it.
 */
export async function searchVersions(q: Queryable, { actor, request, tsquery, limit }: Context): Promise<SearchGroup> {
	const newest = sql`not exists (select 1 from agenda_item_versions later where later.item_id = ${agendaItemVersions.itemId}
		and later.number > ${agendaItemVersions.number} and later.search @@ ${tsquery})`;
	const matching = q
		.select(candidate('agenda_item_versions', agendaItemVersions.id, agendaItemVersions.createdAt, tsquery))
		.from(agendaItemVersions)
		.innerJoin(agendaItems, eq(agendaItems.id, agendaItemVersions.itemId))
		.where(
			and(
				matches('agenda_item_versions', tsquery),
				sql`not (${matches('agenda_items', tsquery)})`,
				newest,
				visibleItemsWhere(actor),
				...itemFilters(request),
				...dateRange(amsterdamDate(agendaItemVersions.createdAt), request)
			)
		);
	const found = await bestIds(q, matching, limit);
	if (!found.ids.length) return noHits('versions', found);
	const content = sql`(${agendaItemVersions.content})::jsonb`;
	const text = sql`coalesce(${content} ->> 'summary', '') || ' ' || coalesce(${content} #>> '{description,text}', '') || ' ' || coalesce(${content} #>> '{meerwaarde,text}', '')`;
	const rows = await q
		.select({
			id: agendaItemVersions.id,
			itemId: agendaItemVersions.itemId,
			number: agendaItemVersions.number,
			title: agendaItems.title,
			passage: headline(sql`coalesce(${content} ->> 'title', '') || ' · ' || ${text}`, tsquery),
			at: agendaItemVersions.createdAt,
			ambitionId: agendaItems.ambitionId,
			status: agendaItems.status
		})
		.from(agendaItemVersions)
		.innerJoin(agendaItems, eq(agendaItems.id, agendaItemVersions.itemId))
		.where(inArray(agendaItemVersions.id, found.ids));
	return group('versions', found, rows, (r) => ({
		...r,
		// The version beside the item as it is now: what was found there and is gone since.
		href: `/agenda/${r.itemId}/versies?van=${r.number}&met=huidig`,
		municipalityId: null,
		internal: false,
		detail: String(r.number)
	}));
}
