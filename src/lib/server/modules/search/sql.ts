import { gte, lte, sql, type AnyColumn, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../permissions';
import type { SearchKind, SearchRequest } from '../../../validation/search';
import { HEADLINE_OPTIONS, passageParts, type PassagePart } from './passage';

/** One thing found: what it is, where it lives, and the passage that matched. */
export interface SearchHit {
	kind: SearchKind;
	id: string;
	title: string;
	passage: PassagePart[];
	/** When it was last changed, written or held. */
	at: Date;
	/** Where the result's page is (the hit's own page, or the page that shows it). */
	href: string;
	/** The item it is or it is about (items, comments, versions, candidates). */
	itemId: string | null;
	ambitionId: number | null;
	status: string | null;
	/** The municipality it belongs to (an internal comment, an interview, a cover note). */
	municipalityId: string | null;
	/** Seen only inside its municipality (an internal comment, a cover note not shared yet). */
	internal: boolean;
	/** A version's number, a minute's kind, an interview's body: what the kind's line under the title names. */
	detail: string | null;
}

export interface SearchGroup {
	kind: SearchKind;
	/** How many match in all, counted up to `RANK_CAP` (the group shows the best `limit`). */
	total: number;
	/** More than `RANK_CAP` match: the best of the first `RANK_CAP` found are shown, and the page says so. */
	more: boolean;
	hits: SearchHit[];
}

export interface Context {
	actor: Actor;
	request: SearchRequest;
	tsquery: SQL;
	limit: number;
}

/**
 * At most this many matches of one kind are ranked and counted. A word found in tens of thousands of texts would
 * otherwise rank every one of them on every keystroke; past this many, a narrower question serves the user better
 * than a precise count, and the page asks for one.
 */
export const RANK_CAP = 1000;

export const DUTCH = sql.raw(`'pg_catalog.dutch'`);
export const amsterdamDate = (at: AnyColumn | SQL) => sql`(${at} at time zone 'Europe/Amsterdam')::date`;

/** The dates filter on one date column (an Amsterdam calendar date). */
export function dateRange(date: SQL, request: SearchRequest): SQL[] {
	return [request.van ? gte(date, request.van) : undefined, request.tot ? lte(date, request.tot) : undefined].filter((c): c is SQL => !!c);
}

export const present = (...conditions: (SQL | undefined | false)[]): SQL[] => conditions.filter((c): c is SQL => !!c);

export const headline = (text: SQL, tsquery: SQL) => sql<string>`ts_headline(${DUTCH}, ${text}, ${tsquery}, ${HEADLINE_OPTIONS})`;

/** The generated `search` column of a table (not in the drizzle schema: see migration 0017). */
export const searchColumn = (table: string) => sql.raw(`"${table}"."search"`);
export const matches = (table: string, tsquery: SQL) => sql`${searchColumn(table)} @@ ${tsquery}`;
/** ts_rank weighs the A/B/C parts (titles first); cover density (ts_rank_cd) reads positions too and costs more. */
export const rankOf = (table: string, tsquery: SQL) => sql<number>`ts_rank(${searchColumn(table)}, ${tsquery})`.as('rank');

/** The columns `bestIds` reads from a kind's matches, under the names it reads them by. */
export const candidate = (table: string, id: AnyColumn, at: AnyColumn | SQL, tsquery: SQL) => ({
	id: sql<string>`${id}`.as('id'),
	rank: rankOf(table, tsquery),
	at: sql`${at}`.as('at')
});

/**
 * The best `limit` ids among the first `RANK_CAP` matches, with the capped count: `matching` is the subquery of
 * matches (id, rank and a date to break ties), already filtered by the kind's visibility rule.
 */
export async function bestIds(q: Queryable, matching: SQLWrapper, limit: number): Promise<{ ids: string[]; total: number; more: boolean }> {
	const list = rowsOf<{ id: string; total: number }>(
		await q.execute(sql`
			select id, (count(*) over ())::int as total from (${matching} limit ${RANK_CAP + 1}) as capped
			order by rank desc, at desc, id limit ${limit}`)
	);
	const total = Math.min(list[0]?.total ?? 0, RANK_CAP);
	return { ids: list.map((r) => r.id), total, more: (list[0]?.total ?? 0) > RANK_CAP };
}

/** The group of one kind, its rows shaped as hits in the order of `ids`. */
export function group<R extends { id: string; passage: string }>(
	kind: SearchKind,
	found: { ids: string[]; total: number; more: boolean },
	rows: R[],
	shape: (row: R) => Omit<SearchHit, 'kind' | 'passage'>
): SearchGroup {
	const byId = new Map(rows.map((r) => [r.id, r]));
	const hits = found.ids
		.map((id) => byId.get(id))
		.filter((r): r is R => !!r)
		.map((r) => ({ ...shape(r), kind, passage: passageParts(r.passage) }));
	return { kind, total: found.total, more: found.more, hits };
}

/** A kind with nothing found (a second query would only fetch nothing). */
export const noHits = (kind: SearchKind, found: { total: number; more: boolean }): SearchGroup => ({ kind, total: found.total, more: found.more, hits: [] });
