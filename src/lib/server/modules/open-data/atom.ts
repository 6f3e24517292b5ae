import type { Queryable } from '../../db';
import * as publicSite from '../public';
import { dutch as t } from './dutch';
import { LICENCE } from './licence';
import { OPEN_DATA_BASE } from './json';

/** The newest this many entries (items and decisions together). */
const ENTRIES_MAX = 200;
/** `updated` of a feed without entries: a fixed moment, so the feed stays the same until something happens. */
const EMPTY_FEED_UPDATED = '2026-01-01T00:00:00.000Z';

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

interface Entry {
	id: string;
	title: string;
	updated: string;
	html: string;
	json: string | null;
	category: string;
	summary: string;
}

/**
 * The Atom feed (RFC 4287) of adopted items and of the colleges' and councils' decisions on public items,
 * newest first. Entry ids are `urn:uuid:` of the item or decision (stable for ever); the feed's id is a tag
 * URI of the portal's host. It states the licence in `<rights>` and a `license` link (RFC 4946).
 */
export async function atomFeed(q: Queryable, origin: string): Promise<string> {
	const [items, decisions, region] = await Promise.all([
		publicSite.listPublicItems(q, publicSite.publicFilterFrom(new URLSearchParams())),
		publicSite.listPublicDecisions(q, ENTRIES_MAX),
		publicSite.publicRegion(q)
	]);
	const municipality = new Map(region.municipalities.map((m) => [m.id, m.name]));
	const entries: Entry[] = [
		...items.items
			.filter((i) => i.adopted)
			.map((i) => ({
				id: `urn:uuid:${i.id}`,
				title: t('opendata_entry_item', { title: i.title }),
				updated: i.updatedAt,
				html: origin + i.url,
				json: `${origin}${OPEN_DATA_BASE}/items/${i.id}`,
				category: i.status,
				summary: i.summary
			})),
		...decisions.map((d) => ({
			id: `urn:uuid:${d.id}`,
			title: t(d.kind === 'college' ? 'opendata_entry_college' : 'opendata_entry_council', {
				municipality: municipality.get(d.municipalityId) ?? d.municipalityId,
				outcome: t(d.kind === 'college' ? `decisions_decision_${d.outcome}` : `decisions_outcome_${d.outcome}`),
				title: d.itemTitle
			}),
			updated: d.recordedAt,
			html: origin + publicSite.publicItemPath(d.itemId),
			json: null,
			category: d.kind === 'college' ? 'collegebesluit' : 'raadsbesluit',
			summary: t('opendata_entry_decision_text', { date: d.meetingDate, kenmerk: d.kenmerk })
		}))
	]
		.sort((a, b) => b.updated.localeCompare(a.updated))
		.slice(0, ENTRIES_MAX);
	const host = new URL(origin).hostname;
	const self = `${origin}${OPEN_DATA_BASE}/feed.atom`;
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">`,
		`<id>tag:${escapeXml(host)},2026:open-data/feed</id>`,
		`<title>${escapeXml(t('opendata_feed_title'))}</title>`,
		`<subtitle>${escapeXml(t('opendata_feed_subtitle'))}</subtitle>`,
		`<updated>${entries[0]?.updated ?? EMPTY_FEED_UPDATED}</updated>`,
		`<author><name>${escapeXml(t('opendata_feed_author'))}</name><uri>${escapeXml(origin)}/openbaar</uri></author>`,
		`<link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
		`<link rel="alternate" type="text/html" href="${escapeXml(origin)}/openbaar"/>`,
		`<link rel="license" href="${LICENCE.url}"/>`,
		`<rights>${escapeXml(t('opendata_feed_rights', { url: LICENCE.url }))}</rights>`,
		...entries.map(entryXml),
		'</feed>',
		''
	].join('\n');
}

function entryXml(e: Entry): string {
	return [
		'<entry>',
		`<id>${e.id}</id>`,
		`<title>${escapeXml(e.title)}</title>`,
		`<updated>${e.updated}</updated>`,
		`<link rel="alternate" type="text/html" href="${escapeXml(e.html)}"/>`,
		e.json ? `<link rel="related" type="application/json" href="${escapeXml(e.json)}"/>` : '',
		`<category term="${escapeXml(e.category)}"/>`,
		e.summary ? `<summary>${escapeXml(e.summary)}</summary>` : '',
		'</entry>'
	]
		.filter(Boolean)
		.join('');
}
