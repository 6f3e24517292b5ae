import * as agenda from '../../modules/agenda-items';
import * as decisions from '../../modules/decisions';
import { horizons, itemStatuses } from '../../../agenda/constants';
import { municipalityIds } from '../../../roles';
import { errors, ok, pathParam, queryParam, uuidSchema, type ApiArea } from '../registry';

const itemId = pathParam('id', 'The item’s id', uuidSchema, '0b9e8d1a-2f4c-4c7e-9a51-3f0d2b6c8e11');
const municipality = { type: 'string', enum: [...municipalityIds] };
const ignored = ' An unknown value is ignored (shown as null in `filter`), never refused.';

/** The agenda items of the signed-in API: list, one item, its versions and its decisions. */
export const itemsArea: ApiArea = {
	tag: { name: 'Agenda items', description: 'The uitvoeringsagenda as the signed-in caller may see it (the same queries as the pages).' },
	schemas: {
		AgendaOverview: agenda.agendaOverviewJson,
		AgendaItem: agenda.agendaItemJson,
		ItemDecisions: decisions.itemDecisionsJson,
		ItemVersions: decisions.itemVersionsJson,
		ItemVersion: decisions.itemVersionJson
	},
	paths: {
		'/api/v1/items': {
			get: {
				operationId: 'listItems',
				tags: ['Agenda items'],
				summary: 'The agenda grouped by the seven ambitions',
				description: 'The filters of the overview page (`/agenda?…`). `matching`/`total` count items matching the filters / all items.',
				parameters: [
					queryParam('ambitie', `Ambition number 1–7.${ignored}`, { type: 'string' }, '3'),
					queryParam('status', `One status.${ignored}`, { type: 'string', enum: [...itemStatuses] }, 'in_bespreking'),
					queryParam('gemeente', `Items this municipality takes part in.${ignored}`, municipality, 'oegstgeest'),
					queryParam('trekker', `Items this municipality leads.${ignored}`, municipality),
					queryParam('horizon', `Before or after the elections.${ignored}`, { type: 'string', enum: [...horizons] }),
					queryParam('q', 'Text in title, summary, description, meerwaarde or labels (case-insensitive, at most 200 characters).', { type: 'string' }, 'fiets')
				],
				responses: { 200: ok('The agenda', 'AgendaOverview'), ...errors(400, 401, 403, 503) }
			}
		},
		'/api/v1/items/{id}': {
			get: {
				operationId: 'getItem',
				tags: ['Agenda items'],
				summary: 'One agenda item with everything its page shows',
				parameters: [itemId],
				responses: { 200: ok('The item', 'AgendaItem'), ...errors(400, 401, 403, 404, 503) }
			}
		},
		'/api/v1/items/{id}/versions': {
			get: {
				operationId: 'listItemVersions',
				tags: ['Agenda items'],
				summary: 'Every stored version of an item with its hashes (to verify a signature)',
				parameters: [itemId],
				responses: { 200: ok('The versions, oldest first', 'ItemVersions'), ...errors(400, 401, 403, 404, 503) }
			}
		},
		'/api/v1/items/{id}/versions/{number}': {
			get: {
				operationId: 'getItemVersion',
				tags: ['Agenda items'],
				summary: 'One version: the stored canonical JSON, its parsed content and both hashes',
				parameters: [itemId, pathParam('number', 'The version number (1, 2, …); anything else is 400', { type: 'string', pattern: '^[0-9]+$' }, '1')],
				responses: { 200: ok('The version', 'ItemVersion'), ...errors(400, 401, 403, 404, 503) }
			}
		},
		'/api/v1/items/{id}/decisions': {
			get: {
				operationId: 'getItemDecisions',
				tags: ['Agenda items'],
				summary: 'Positions, college sign-offs, council decisions, progress and timeline of an item',
				parameters: [itemId],
				responses: { 200: ok('What the item page’s decisions block shows', 'ItemDecisions'), ...errors(400, 401, 403, 404, 503) }
			}
		}
	}
};
