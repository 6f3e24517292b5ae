import { z } from 'zod';
import { commentsArea } from './paths/comments';
import { interviewsArea } from './paths/interviews';
import { itemsArea } from './paths/items';
import { metaArea } from './paths/meta';
import { myWorkArea } from './paths/my-work';
import { openDataArea } from './paths/open-data';
import { errorResponses, ref, type ApiArea, type OpenApiObject } from './registry';

// The OpenAPI 3.1 document of the portal's API, served at /api/openapi.json. Response schemas are generated
// from the zod schemas the builders are typed with (JSON Schema 2020-12, the dialect of OpenAPI 3.1); the rest
// is written by hand here and in paths/. A new area of paths is one more file in paths/ and one entry below.

/** Every area, in the order the document lists them. */
export const areas: ApiArea[] = [itemsArea, commentsArea, interviewsArea, myWorkArea, openDataArea, metaArea];

/** Every refusal under /api: `code` is stable (a message key), `message` is in the caller's language. */
export const apiErrorJson = z.object({
	code: z.string().describe('Stable: a message key such as `agenda_item_not_found`, `not_logged_in`, `not_found`'),
	message: z.string().describe('In the caller’s language (Dutch unless the `PARAGLIDE_LOCALE` cookie says `en`)'),
	errors: z.record(z.string(), z.string()).optional().describe('Field → message, where a field is at fault'),
	id: z.string().optional().describe('Of a fault (500): the id of its line in the server log, to quote to the administrator')
});

const errorExample = (code: string, message: string) => ({ 'application/json': { schema: ref('Error'), example: { code, message, errors: {} } } });

const responses: Record<(typeof errorResponses)[keyof typeof errorResponses], OpenApiObject> = {
	BadRequest: {
		description: 'A malformed request: a character no text may hold in the address (`bad_request`), or a value the operation refuses',
		content: errorExample('bad_request', 'Dit adres bevat een teken dat niet is toegestaan.')
	},
	NotLoggedIn: {
		description:
			'No valid session (`not_logged_in`), a login that still owes its second factor (`two_factor_required`), or an account that must set one up first (`two_factor_setup_required`)',
		content: errorExample('not_logged_in', 'Niet ingelogd.')
	},
	Forbidden: {
		description: 'The account may not do this (`forbidden`), or a cross-site write (`cross_site_refused`)',
		content: errorExample('forbidden', 'U heeft geen toestemming voor deze handeling.')
	},
	NotFound: {
		description: 'No such thing, or one the caller may not see (the same answer, never 403); `not_found` for an address no route serves',
		content: errorExample('agenda_item_not_found', 'Dit agendapunt bestaat niet (meer).')
	},
	MethodNotAllowed: {
		description: 'The path exists, but not with this method (`method_not_allowed`); `Allow` lists the methods it has',
		headers: { Allow: { description: 'The methods of this path', schema: { type: 'string' }, example: 'GET, HEAD' } },
		content: errorExample('method_not_allowed', 'Deze methode is hier niet toegestaan. Toegestaan: GET, HEAD.')
	},
	Unavailable: {
		description: 'The database is briefly out of reach (`error_database_unavailable`); try again after `Retry-After` seconds',
		headers: { 'Retry-After': { schema: { type: 'integer' }, example: 5 } },
		content: errorExample(
			'error_database_unavailable',
			'De database is even niet bereikbaar. Probeer het over een ogenblik opnieuw; er is niets verloren gegaan.'
		)
	}
};

/** The component schemas of every area (and Error) as JSON Schema 2020-12, referring to each other by name. */
function componentSchemas(): Record<string, OpenApiObject> {
	const registry = z.registry<{ id: string }>();
	registry.add(apiErrorJson, { id: 'Error' });
	for (const area of areas) for (const [id, schema] of Object.entries(area.schemas)) registry.add(schema, { id });
	const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', io: 'output', uri: (id) => `#/components/schemas/${id}` });
	return Object.fromEntries(
		Object.entries(schemas).map(([id, schema]) => {
			const { $schema: _dialect, $id: _id, ...rest } = schema as OpenApiObject;
			return [id, plain(rest) as OpenApiObject];
		})
	);
}

const SAFE_INTEGER = Number.MAX_SAFE_INTEGER;
const FORMATS_WITH_PATTERN = new Set(['uuid', 'date', 'date-time']);

/**
 * zod writes a long regular expression next to `format` (uuid, date, date-time) and the safe-integer bounds on
 * every integer; the format says the same and the bounds are JavaScript's, so both go (a reader checks the
 * document by eye, and a validator checks the formats).
 */
function plain(node: unknown): unknown {
	if (Array.isArray(node)) return node.map(plain);
	if (!node || typeof node !== 'object') return node;
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(node)) {
		if (key === 'pattern' && FORMATS_WITH_PATTERN.has((node as OpenApiObject).format as string)) continue;
		if ((key === 'minimum' && value === -SAFE_INTEGER) || (key === 'maximum' && value === SAFE_INTEGER)) continue;
		out[key] = plain(value);
	}
	return out;
}

function paths(): Record<string, OpenApiObject> {
	const all: Record<string, OpenApiObject> = {};
	for (const area of areas) {
		for (const [path, item] of Object.entries(area.paths)) {
			if (all[path]) throw new Error(`OpenAPI: ${path} is described twice`);
			all[path] = item;
		}
	}
	return all;
}

let built: OpenApiObject | undefined;

/** The document (built once per process: it depends on code only). */
export function openApiDocument(): OpenApiObject {
	built ??= {
		openapi: '3.1.0',
		info: {
			title: 'Regioportaal Leidse regio API',
			version: '1.0.0',
			summary: 'The uitvoeringsagenda of Leiden, Leiderdorp, Oegstgeest, Voorschoten and Zoeterwoude as JSON',
			description:
				'JSON over HTTPS. The signed-in API (`/api/v1`) uses the portal’s login session and shows exactly what the caller may see on the pages. ' +
				'Every refusal under `/api` is JSON `{ code, message, errors }` (see the `Error` schema). Amounts are whole euro cents, percentages of a ' +
				'custom split basis points, dates ISO `YYYY-MM-DD`, moments ISO 8601 in UTC. The open data (`/api/open/v1`) is public, read-only and ' +
				'CC0 1.0 (see the tag *Open data*). More in docs/api.md.'
		},
		jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
		servers: [{ url: '/', description: 'This portal' }],
		security: [{ session: [] }],
		tags: areas.map((a) => a.tag),
		paths: paths(),
		components: {
			securitySchemes: {
				session: {
					type: 'apiKey',
					in: 'cookie',
					name: 'rp_session',
					description: 'The portal’s login session (log in at /inloggen; a second factor where the role requires one).'
				}
			},
			schemas: componentSchemas(),
			responses
		}
	};
	return built;
}
