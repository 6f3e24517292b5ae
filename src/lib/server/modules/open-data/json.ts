import type { Queryable } from '../../db';
import * as publicSite from '../public';
import { LICENCE } from './licence';
import type { OpenDecisionListJson, OpenItemJson, OpenItemListJson, OpenSessionJson, OpenSessionListJson, OpenVersionJson } from './schemas';

/** Where the open data lives; every JSON answer links to itself and to the public page. */
export const OPEN_DATA_BASE = '/api/open/v1';

const dataPath = {
	item: (id: string) => `${OPEN_DATA_BASE}/items/${id}`,
	session: (id: string) => `${OPEN_DATA_BASE}/sessions/${id}`
};

/** The public items matching the filters, one page of them (`limit` 1–500, default 100; out of range is clamped). */
export async function openItems(q: Queryable, params: URLSearchParams, origin: string): Promise<OpenItemListJson> {
	const filter = publicSite.publicFilterFrom(params);
	const page = publicSite.publicPageFrom(params);
	const list = await publicSite.listPublicItems(q, filter, page);
	return {
		licence: LICENCE,
		filter,
		total: list.total,
		matching: list.matching,
		limit: page.limit,
		offset: page.offset,
		items: list.items.map((i) => ({ ...i, canonicalUrl: origin + i.url, dataUrl: origin + dataPath.item(i.id) }))
	};
}

/** One public item; unknown and not public are the same 404 (`public_item_not_found`). */
export async function openItem(q: Queryable, id: string, origin: string): Promise<OpenItemJson> {
	const item = await publicSite.getPublicItem(q, id);
	return { licence: LICENCE, item: { ...item, canonicalUrl: origin + item.url, dataUrl: origin + dataPath.item(item.id) } };
}

/** The stored canonical JSON of the item's public text version, so anyone can check its hash. */
export async function openVersion(q: Queryable, id: string, number: string): Promise<OpenVersionJson> {
	const v = await publicSite.getPublicVersion(q, id, number);
	return { licence: LICENCE, itemId: id, number: v.number, contentHash: v.contentHash, canonical: v.canonical };
}

/** College and council decisions on public items, newest first, one page of them. */
export async function openDecisions(q: Queryable, params: URLSearchParams, origin: string): Promise<OpenDecisionListJson> {
	const page = publicSite.publicPageFrom(params);
	const decisions = (await publicSite.listPublicDecisions(q, page.offset + page.limit)).slice(page.offset);
	return {
		licence: LICENCE,
		limit: page.limit,
		offset: page.offset,
		decisions: decisions.map((d) => ({ ...d, itemUrl: origin + publicSite.publicItemPath(d.itemId) }))
	};
}

/** The sessions whose highlights are published. */
export async function openSessions(q: Queryable, origin: string): Promise<OpenSessionListJson> {
	const sessions = await publicSite.listPublicMeetings(q);
	return { licence: LICENCE, sessions: sessions.map((s) => ({ ...s, canonicalUrl: origin + s.url, dataUrl: origin + dataPath.session(s.id) })) };
}

/** One session's published highlights; unknown and not published are the same 404. */
export async function openSession(q: Queryable, id: string, origin: string): Promise<OpenSessionJson> {
	const s = await publicSite.getPublicMeeting(q, id);
	return { licence: LICENCE, session: { ...s, canonicalUrl: origin + s.url, dataUrl: origin + dataPath.session(s.id) } };
}
