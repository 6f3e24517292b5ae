import * as openData from '../../modules/open-data';
import { itemStatuses } from '../../../agenda/constants';
import { municipalityIds } from '../../../roles';
import { errors, ok, pathParam, queryParam, uuidSchema, type ApiArea, type OpenApiObject } from '../registry';

const TAG = 'Open data';

/** The headers of every open-data answer. */
const headers: Record<string, OpenApiObject> = {
	ETag: { description: 'Changes whenever the public data may have changed; send it back as `If-None-Match`', schema: { type: 'string' } },
	'Cache-Control': { description: '`public, max-age=60`', schema: { type: 'string' } },
	Link: { description: `The licence: \`<${openData.LICENCE.url}>; rel="license"\``, schema: { type: 'string' } },
	'Access-Control-Allow-Origin': { description: '`*`: any site may read the open data', schema: { type: 'string' } }
};

const notModified = { 304: { description: 'Not modified: the `If-None-Match` names the current `ETag`', headers } };
const ignored = ' An unknown value is ignored (as if not given), never refused: the same rule as the public pages.';
const filters = [
	queryParam('ambitie', `Ambition number 1–7.${ignored}`, { type: 'string' }, '3'),
	queryParam('gemeente', `Items this municipality takes part in.${ignored}`, { type: 'string', enum: [...municipalityIds] }, 'leiden'),
	queryParam('status', `One status.${ignored}`, { type: 'string', enum: [...itemStatuses] }, 'vastgesteld'),
	queryParam('q', `Text in the title, summary, labels or the adopted text (1–200 characters).${ignored}`, { type: 'string' }, 'fiets')
];
const page = [
	queryParam('limit', 'Page size, 1–500 (default 100). Out of range is clamped (0 → 1, 10000 → 500); not a number → 100.', { type: 'string' }, '100'),
	queryParam('offset', 'How many to skip (default 0). Negative → 0; not a number → 0.', { type: 'string' }, '0')
];

const json = (summary: string, schema: string) => ok(summary, schema, headers);
const file = (description: string, type: string) => ({ description, headers, content: { [type]: { schema: { type: 'string' } } } });
const get = (operationId: string, summary: string, responses: OpenApiObject, parameters: OpenApiObject[] = [], description?: string) => ({
	get: { operationId, tags: [TAG], summary, ...(description ? { description } : {}), security: [], parameters, responses }
});

/** The open data: public, read-only, CC0, for any site; nothing but what the public module calls public. */
export const openDataArea: ApiArea = {
	tag: {
		name: TAG,
		description:
			`Public, read-only, no login: the adopted uitvoeringsagenda (and items made public earlier), the colleges’ and councils’ decisions, the positions municipalities shared and published session highlights. ` +
			`Licence: ${openData.LICENCE.name} (${openData.LICENCE.url}), stated in every JSON answer (\`licence\`) and every answer’s \`Link\` header. ` +
			'CORS: `Access-Control-Allow-Origin: *` on every answer, and `OPTIONS` on any of these paths answers a preflight (204). ' +
			'Caching: `Cache-Control: public, max-age=60` and an `ETag`; `If-None-Match` with it answers 304. Stable identifiers: the uuid of an item, decision or session, and its canonical public page (`canonicalUrl`).'
	},
	schemas: {
		OpenItemList: openData.openItemListJson,
		OpenItem: openData.openItemJson,
		OpenVersion: openData.openVersionJson,
		OpenDecisionList: openData.openDecisionListJson,
		OpenSessionList: openData.openSessionListJson,
		OpenSession: openData.openSessionJson
	},
	paths: {
		'/api/open/v1/items': get(
			'openListItems',
			'Public items, filtered and paged',
			{ 200: json('One page of public items', 'OpenItemList'), ...notModified, ...errors(400, 503) },
			[...filters, ...page]
		),
		'/api/open/v1/items/{id}': get(
			'openGetItem',
			'One public item: the text as signed, participants, college and council decisions, shared positions, costs, planning, progress',
			{ 200: json('The item', 'OpenItem'), ...notModified, ...errors(400, 404, 503) },
			[pathParam('id', 'The item’s stable id', uuidSchema)],
			'An id that is unknown or not public answers 404 `public_item_not_found`: the same answer, saying nothing more.'
		),
		'/api/open/v1/items/{id}/versions/{number}': get(
			'openGetItemVersion',
			'The stored canonical JSON of the public text’s version, to check its SHA-256',
			{ 200: json('The version', 'OpenVersion'), ...notModified, ...errors(400, 404, 503) },
			[
				pathParam('id', 'The item’s stable id', uuidSchema),
				pathParam('number', 'The version number of the public text (`text.versionNumber`)', { type: 'string' })
			]
		),
		'/api/open/v1/items.csv': get(
			'openItemsCsv',
			'The public items matching the filters as CSV (all of them)',
			{ 200: file('CSV (RFC 4180, UTF-8 with BOM, header row; lists separated by `;`)', 'text/csv'), ...notModified, ...errors(400, 503) },
			filters
		),
		'/api/open/v1/decisions': get(
			'openListDecisions',
			'College and council decisions on public items, newest first',
			{
				200: json('One page of decisions', 'OpenDecisionList'),
				...notModified,
				...errors(400, 503)
			},
			page
		),
		'/api/open/v1/decisions.csv': get('openDecisionsCsv', 'Every college and council decision on a public item as CSV', {
			200: file('CSV (RFC 4180, UTF-8 with BOM, header row)', 'text/csv'),
			...notModified,
			...errors(503)
		}),
		'/api/open/v1/sessions': get('openListSessions', 'Klankbordgroep sessions with published highlights', {
			200: json('The sessions', 'OpenSessionList'),
			...notModified,
			...errors(503)
		}),
		'/api/open/v1/sessions/{id}': get(
			'openGetSession',
			'One session’s published highlights: municipalities present, what was discussed and decided per public item, questions for the councils',
			{ 200: json('The highlights', 'OpenSession'), ...notModified, ...errors(400, 404, 503) },
			[pathParam('id', 'The session’s stable id', uuidSchema)]
		),
		'/api/open/v1/feed.atom': get('openAtomFeed', 'Atom feed (RFC 4287) of adopted items and decisions, newest first', {
			200: file('Atom; entry ids are `urn:uuid:` of the item or decision', 'application/atom+xml'),
			...notModified,
			...errors(503)
		}),
		'/api/open/v1/calendar.ics': get('openCalendar', 'iCalendar (RFC 5545) of college and council decision dates and published sessions', {
			200: file('iCalendar, METHOD:PUBLISH; decisions as all-day events', 'text/calendar'),
			...notModified,
			...errors(503)
		})
	}
};
