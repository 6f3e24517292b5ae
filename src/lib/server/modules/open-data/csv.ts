import type { Queryable } from '../../db';
import { guardFormula, quoteCsvField } from '../../csv';
import * as publicSite from '../public';

/** At most this many decisions in one download (all of them, for years to come). */
const DECISIONS_MAX = 10_000;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. A text that a spreadsheet
 * would run as a formula (starting with =, +, - or @) gets a leading apostrophe, as OWASP advises for CSV
 * files opened in Excel; numbers are written as they are.
 */
function field(value: string | number | boolean | null): string {
	if (value === null) return '';
	if (typeof value !== 'string') return String(value);
	return quoteCsvField(guardFormula(value), ',');
}

/** Rows as CSV text: a header row, CRLF line ends, UTF-8 with a byte-order mark (so Excel reads é and €). */
function csv(header: string[], rows: (string | number | boolean | null)[][]): string {
	return '\uFEFF' + [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/** The public items matching the filters (all of them, no page), one row each; lists separated by `;`. */
export async function itemsCsv(q: Queryable, params: URLSearchParams, origin: string): Promise<string> {
	const list = await publicSite.listPublicItems(q, publicSite.publicFilterFrom(params));
	return csv(
		[
			'id',
			'url',
			'title',
			'summary',
			'ambition',
			'status',
			'adopted',
			'horizon',
			'trekker',
			'participants',
			'cost_estimate_cents',
			'start_date',
			'end_date',
			'progress_percent',
			'updated_at'
		],
		list.items.map((i) => [
			i.id,
			origin + i.url,
			i.title,
			i.summary,
			i.ambitionId,
			i.status,
			i.adopted,
			i.horizon,
			i.trekker,
			i.participants.join(';'),
			i.costEstimateCents,
			i.startDate,
			i.endDate,
			i.progressPercent,
			i.updatedAt
		])
	);
}

/** Every college and council decision on a public item, newest first. */
export async function decisionsCsv(q: Queryable, origin: string): Promise<string> {
	const decisions = await publicSite.listPublicDecisions(q, DECISIONS_MAX);
	return csv(
		['id', 'kind', 'item_id', 'item_url', 'item_title', 'municipality', 'outcome', 'meeting_date', 'kenmerk', 'recorded_at'],
		decisions.map((d) => [
			d.id,
			d.kind,
			d.itemId,
			origin + publicSite.publicItemPath(d.itemId),
			d.itemTitle,
			d.municipalityId,
			d.outcome,
			d.meetingDate,
			d.kenmerk,
			d.recordedAt
		])
	);
}
