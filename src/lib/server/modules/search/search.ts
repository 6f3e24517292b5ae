import { and, desc, eq, gte, lte, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { agendaItems, comments, interviewCandidates, interviews } from '../../db/schema';
import type { Actor } from '../../permissions';
import { visibleItemsWhere } from '../agenda-items';
import { visibleCommentsWhere } from '../comments';
import { visibleInterviewsWhere } from '../interviews';
import { searchKinds, type SearchKind, type SearchRequest } from '../../../validation/search';
import { HEADLINE_OPTIONS, passageParts, type PassagePart } from './passage';
import { prefixQuery, searchWords } from './words';

/** One thing found: what it is, where it lives, and the passage that matched. */
export interface SearchHit {
	kind: SearchKind;
	id: string;
	title: string;
	passage: PassagePart[];
	/** When it was last changed (an item), written (a comment, a candidate) or held (an interview). */
	at: Date;
	/** The item it is (items), it is on (comments) or it became (candidates). */
	itemId: string | null;
	/** The interview it is (interviews) or it came from (candidates). */
	interviewId: string | null;
	ambitionId: number | null;
	status: string | null;
	municipalityId: string | null;
}

export interface SearchGroup {
	kind: SearchKind;
	/** How many match in all (the group shows the best `PER_KIND`). */
	total: number;
	hits: SearchHit[];
}

export interface SearchResults {
	/** The words searched for, after taking the question apart (empty: nothing to search for). */
	words: string[];
	/** Nothing held all the words, so these hold any of them. */
	anyWord: boolean;
	groups: SearchGroup[];
	total: number;
}

/** The best this many of each kind; the kind's own filter shows more. */
const PER_KIND = 10;
const PER_KIND_FILTERED = 50;

const DUTCH = sql.raw(`'pg_catalog.dutch'`);
const amsterdamDate = (at: AnyColumn) => sql`(${at} at time zone 'Europe/Amsterdam')::date`;

interface Context {
	actor: Actor | null;
	request: SearchRequest;
	tsquery: SQL;
	limit: number;
}

/** The dates filter on one date column (an Amsterdam calendar date). */
function dateRange(date: SQL, request: SearchRequest): SQL[] {
	return [request.van ? gte(date, request.van) : undefined, request.tot ? lte(date, request.tot) : undefined].filter((c): c is SQL => !!c);
}

/** Items participated in by the filter's municipality. */
const participates = (itemId: SQL | typeof agendaItems.id, municipalityId: string) =>
	sql`exists (select 1 from agenda_item_participants p where p.item_id = ${itemId} and p.municipality_id = ${municipalityId})`;

function itemFilters(itemId: typeof agendaItems.id, request: SearchRequest): SQL[] {
	return [
		request.ambitie ? eq(agendaItems.ambitionId, request.ambitie) : undefined,
		request.status ? eq(agendaItems.status, request.status) : undefined,
		request.gemeente ? participates(itemId, request.gemeente) : undefined
	].filter((c): c is SQL => !!c);
}

const headline = (text: SQL, tsquery: SQL) => sql<string>`ts_headline(${DUTCH}, ${text}, ${tsquery}, ${HEADLINE_OPTIONS})`;
const rankOf = (table: string, tsquery: SQL) => sql<number>`ts_rank_cd(${sql.raw(`"${table}"."search"`)}, ${tsquery})`;
const matches = (table: string, tsquery: SQL) => sql`${sql.raw(`"${table}"."search"`)} @@ ${tsquery}`;

async function searchItems(q: Queryable, { actor, request, tsquery, limit }: Context): Promise<SearchGroup> {
	const rank = rankOf('agenda_items', tsquery);
	const best = q
		.select({ id: agendaItems.id, rank: rank.as('rank'), total: sql<number>`(count(*) over ())::int`.as('total') })
		.from(agendaItems)
		.where(
			and(
				matches('agenda_items', tsquery),
				visibleItemsWhere(actor),
				...itemFilters(agendaItems.id, request),
				...dateRange(amsterdamDate(agendaItems.updatedAt), request)
			)
		)
		.orderBy(desc(rank), desc(agendaItems.updatedAt))
		.limit(limit)
		.as('best');
	const text = sql`${agendaItems.summary} || ' ' || ${agendaItems.descriptionText} || ' ' || ${agendaItems.meerwaardeText} || ' ' || rp_words(${agendaItems.tags})`;
	const rows = await q
		.select({
			id: agendaItems.id,
			title: agendaItems.title,
			passage: headline(text, tsquery),
			at: agendaItems.updatedAt,
			ambitionId: agendaItems.ambitionId,
			status: agendaItems.status,
			total: best.total
		})
		.from(best)
		.innerJoin(agendaItems, eq(agendaItems.id, best.id))
		.orderBy(desc(best.rank), desc(agendaItems.updatedAt));
	return group('items', rows, (r) => ({ ...r, itemId: r.id, interviewId: null, municipalityId: null }));
}

async function searchComments(q: Queryable, { actor, request, tsquery, limit }: Context): Promise<SearchGroup> {
	const rank = rankOf('comments', tsquery);
	const best = q
		.select({ id: comments.id, rank: rank.as('rank'), total: sql<number>`(count(*) over ())::int`.as('total') })
		.from(comments)
		.innerJoin(agendaItems, eq(agendaItems.id, comments.itemId))
		.where(
			and(
				matches('comments', tsquery),
				sql`${comments.deletedAt} is null`,
				visibleItemsWhere(actor),
				visibleCommentsWhere(actor ?? { grants: [] }),
				...itemFilters(agendaItems.id, request),
				...dateRange(amsterdamDate(comments.createdAt), request)
			)
		)
		.orderBy(desc(rank), desc(comments.createdAt))
		.limit(limit)
		.as('best');
	const rows = await q
		.select({
			id: comments.id,
			title: agendaItems.title,
			passage: headline(sql`${comments.body}`, tsquery),
			at: comments.createdAt,
			itemId: comments.itemId,
			ambitionId: agendaItems.ambitionId,
			status: agendaItems.status,
			municipalityId: comments.municipalityId,
			total: best.total
		})
		.from(best)
		.innerJoin(comments, eq(comments.id, best.id))
		.innerJoin(agendaItems, eq(agendaItems.id, comments.itemId))
		.orderBy(desc(best.rank), desc(comments.createdAt));
	return group('comments', rows, (r) => ({ ...r, interviewId: null }));
}

async function searchInterviews(q: Queryable, { actor, request, tsquery, limit }: Context): Promise<SearchGroup> {
	const rank = rankOf('interviews', tsquery);
	const heldOn = sql`${interviews.heldOn}`;
	const best = q
		.select({ id: interviews.id, rank: rank.as('rank'), total: sql<number>`(count(*) over ())::int`.as('total') })
		.from(interviews)
		.where(
			and(
				matches('interviews', tsquery),
				visibleInterviewsWhere(actor),
				request.gemeente ? eq(interviews.municipalityId, request.gemeente) : undefined,
				...dateRange(heldOn, request)
			)
		)
		.orderBy(desc(rank), desc(interviews.heldOn))
		.limit(limit)
		.as('best');
	const rows = await q
		.select({
			id: interviews.id,
			body: interviews.body,
			bodyOther: interviews.bodyOther,
			passage: headline(sql`rp_words(${interviews.participants}) || ' ' || ${interviews.notesText}`, tsquery),
			heldOn: interviews.heldOn,
			municipalityId: interviews.municipalityId,
			total: best.total
		})
		.from(best)
		.innerJoin(interviews, eq(interviews.id, best.id))
		.orderBy(desc(best.rank), desc(interviews.heldOn));
	return group('interviews', rows, (r) => ({
		id: r.id,
		// The page names the body in the reader's language; `overig` carries its own name.
		title: r.body === 'overig' ? r.bodyOther : r.body,
		passage: r.passage,
		at: new Date(`${r.heldOn}T12:00:00Z`),
		itemId: null,
		interviewId: r.id,
		ambitionId: null,
		status: null,
		municipalityId: r.municipalityId
	}));
}

async function searchCandidates(q: Queryable, { actor, request, tsquery, limit }: Context): Promise<SearchGroup> {
	const rank = rankOf('interview_candidates', tsquery);
	const best = q
		.select({ id: interviewCandidates.id, rank: rank.as('rank'), total: sql<number>`(count(*) over ())::int`.as('total') })
		.from(interviewCandidates)
		.innerJoin(interviews, eq(interviews.id, interviewCandidates.interviewId))
		.where(
			and(
				matches('interview_candidates', tsquery),
				visibleInterviewsWhere(actor),
				request.ambitie ? eq(interviewCandidates.ambitionId, request.ambitie) : undefined,
				request.gemeente ? eq(interviews.municipalityId, request.gemeente) : undefined,
				...dateRange(amsterdamDate(interviewCandidates.createdAt), request)
			)
		)
		.orderBy(desc(rank), desc(interviewCandidates.createdAt))
		.limit(limit)
		.as('best');
	const rows = await q
		.select({
			id: interviewCandidates.id,
			title: interviewCandidates.title,
			passage: headline(sql`${interviewCandidates.title} || ' ' || ${interviewCandidates.meerwaarde}`, tsquery),
			at: interviewCandidates.createdAt,
			itemId: interviewCandidates.itemId,
			interviewId: interviewCandidates.interviewId,
			ambitionId: interviewCandidates.ambitionId,
			municipalityId: interviews.municipalityId,
			total: best.total
		})
		.from(best)
		.innerJoin(interviewCandidates, eq(interviewCandidates.id, best.id))
		.innerJoin(interviews, eq(interviews.id, interviewCandidates.interviewId))
		.orderBy(desc(best.rank), desc(interviewCandidates.createdAt));
	return group('candidates', rows, (r) => ({ ...r, status: null }));
}

function group<R extends { total: number; passage: string }>(
	kind: SearchKind,
	rows: R[],
	shape: (row: R) => Omit<SearchHit, 'kind' | 'passage'> & { passage: string }
): SearchGroup {
	const hits = rows.map((r) => {
		const hit = shape(r);
		return { ...hit, kind, passage: passageParts(hit.passage) };
	});
	return { kind, total: rows[0]?.total ?? 0, hits };
}

const searchers: Record<SearchKind, (q: Queryable, c: Context) => Promise<SearchGroup>> = {
	items: searchItems,
	comments: searchComments,
	interviews: searchInterviews,
	candidates: searchCandidates
};

/**
 * Which kinds a search looks in: the one asked for, or all; a filter a kind does not have leaves that kind
 * out (an interview has no ambition and no status; a candidate no status), rather than ignoring the filter.
 */
function kindsFor(request: SearchRequest): SearchKind[] {
	const asked = request.soort ? [request.soort] : [...searchKinds];
	return asked.filter((kind) => {
		if (request.status && (kind === 'interviews' || kind === 'candidates')) return false;
		if (request.ambitie && kind === 'interviews') return false;
		return true;
	});
}

/**
 * The one search over the portal's texts: Dutch stemming, accents ignored, every word also as a prefix, each
 * kind ranked on its own and read through that kind's own visibility rule (the same SQL its pages use), so
 * nothing is found that its page would not show. A question without a usable word finds nothing, at once.
 */
export async function search(q: Queryable, actor: Actor | null, request: SearchRequest): Promise<SearchResults> {
	const words = searchWords(request.q);
	if (!words.length || !actor) return { words, anyWord: false, groups: [], total: 0 };
	const all = await searchFor(q, actor, request, prefixQuery(words, '&'));
	// Nothing holds every word: rather than an empty page, what holds any of them (and the page says so).
	if (all.total > 0 || words.length === 1) return { words, anyWord: false, ...all };
	return { words, anyWord: true, ...(await searchFor(q, actor, request, prefixQuery(words, '|'))) };
}

async function searchFor(q: Queryable, actor: Actor, request: SearchRequest, query: string): Promise<Pick<SearchResults, 'groups' | 'total'>> {
	const tsquery = sql`to_tsquery(${DUTCH}, rp_unaccent(${query}))`;
	const context: Context = { actor, request, tsquery, limit: request.soort ? PER_KIND_FILTERED : PER_KIND };
	const groups: SearchGroup[] = [];
	// One after another: on the embedded database the queries would queue anyway.
	for (const kind of kindsFor(request)) groups.push(await searchers[kind](q, context));
	return { groups, total: groups.reduce((n, g) => n + g.total, 0) };
}
