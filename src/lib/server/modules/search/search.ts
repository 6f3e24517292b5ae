import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db';
import type { Actor } from '../../permissions';
import { searchKinds, type SearchKind, type SearchRequest } from '../../../validation/search';
import { DUTCH, type Context, type SearchGroup } from './sql';
import { prefixQuery, searchWords } from './words';
import { answersOf } from './answers';
import { searchComments, searchItems, searchVersions } from './kinds/agenda';
import { searchCandidates, searchInterviews } from './kinds/interviews';
import { searchMinutes, searchSessions } from './kinds/sessions';
import { searchArrangements, searchCoverNotes } from './kinds/register';

export type { SearchGroup } from './sql';

export interface SearchResults {
	/** The words searched for, after taking the question apart (empty: nothing to search for). */
	words: string[];
	/** Nothing held all the words, so these hold any of them. */
	anyWord: boolean;
	groups: SearchGroup[];
	total: number;
}

/** The best this many of each kind; the kind's own filter shows more. */
const PER_KIND = 5;
const PER_KIND_FILTERED = 50;

const searchers: Record<SearchKind, (q: Queryable, c: Context) => Promise<SearchGroup>> = {
	items: searchItems,
	comments: searchComments,
	versions: searchVersions,
	sessions: searchSessions,
	minutes: searchMinutes,
	interviews: searchInterviews,
	candidates: searchCandidates,
	arrangements: searchArrangements,
	covernotes: searchCoverNotes
};

/** The filters each kind has; a filter a kind does not have leaves that kind out, rather than being ignored. */
const filtersOf: Record<SearchKind, ('ambitie' | 'status' | 'gemeente')[]> = {
	items: ['ambitie', 'status', 'gemeente'],
	comments: ['ambitie', 'status', 'gemeente'],
	versions: ['ambitie', 'status', 'gemeente'],
	sessions: [],
	minutes: ['gemeente'],
	interviews: ['gemeente'],
	candidates: ['ambitie', 'gemeente'],
	arrangements: ['ambitie', 'gemeente'],
	covernotes: ['gemeente']
};

/** Which kinds a search looks in: the one asked for, or all that have every filter given. */
export function kindsFor(request: SearchRequest): SearchKind[] {
	const asked = request.soort ? [request.soort] : [...searchKinds];
	const given = (['ambitie', 'status', 'gemeente'] as const).filter((f) => request[f] !== undefined && request[f] !== null);
	return asked.filter((kind) => given.every((f) => filtersOf[kind].includes(f)));
}

/**
 * The one search over the portal's texts: Dutch stemming, accents ignored, every word also as a prefix, each
 * kind ranked on its own and read through that kind's own visibility rule (the same SQL its pages use), so
 * nothing is found that its page would not show. A question without a usable word finds nothing, at once.
 */
export async function search(q: Queryable, actor: Actor | null, request: SearchRequest): Promise<SearchResults> {
	const words = searchWords(request.q);
	if (!words.length || !actor) return { words, anyWord: false, groups: [], total: 0 };
	// The same words in other spacing or capitals are the same question.
	const asked = { ...request, q: words.join(' ') };
	return answersOf<SearchResults>(q).get(q, actor.userId, asked, () => searchAll(q, actor, asked, words));
}

async function searchAll(q: Queryable, actor: Actor, request: SearchRequest, words: string[]): Promise<SearchResults> {
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
