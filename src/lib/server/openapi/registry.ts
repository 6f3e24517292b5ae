import { z } from 'zod';

// The building blocks of the OpenAPI document: an area of paths (one file in paths/) names its response
// schemas (zod, turned into JSON Schema 2020-12 by document.ts) and describes its operations with the
// helpers below, so every operation states its errors the same way.

/** JSON of an OpenAPI object (the document is plain data; openapi.test.ts validates it). */
export type OpenApiObject = Record<string, unknown>;

export interface ApiArea {
	tag: { name: string; description: string };
	/** Component schemas of this area, by name: zod schemas of the JSON the operations answer. */
	schemas: Record<string, z.ZodType>;
	paths: Record<string, OpenApiObject>;
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A 200 answer with a JSON body of the named schema. */
export function ok(description: string, schema: string | OpenApiObject, headers?: Record<string, OpenApiObject>): OpenApiObject {
	return {
		description,
		...(headers ? { headers } : {}),
		content: { 'application/json': { schema: typeof schema === 'string' ? ref(schema) : schema } }
	};
}

/** The standard refusals, by status (components.responses in document.ts). */
export const errorResponses = {
	400: 'BadRequest',
	401: 'NotLoggedIn',
	403: 'Forbidden',
	404: 'NotFound',
	405: 'MethodNotAllowed',
	503: 'Unavailable'
} as const;

type ErrorStatus = keyof typeof errorResponses;

/** References to the standard refusals an operation can answer. */
export function errors(...statuses: ErrorStatus[]): Record<string, OpenApiObject> {
	return Object.fromEntries(statuses.map((s) => [String(s), { $ref: `#/components/responses/${errorResponses[s]}` }]));
}

/** A path parameter: always required. */
export const pathParam = (name: string, description: string, schema: OpenApiObject, example?: unknown) => ({
	name,
	in: 'path',
	required: true,
	description,
	schema,
	...(example === undefined ? {} : { example })
});

/** A query parameter: optional. */
export const queryParam = (name: string, description: string, schema: OpenApiObject, example?: unknown) => ({
	name,
	in: 'query',
	required: false,
	description,
	schema,
	...(example === undefined ? {} : { example })
});

export const uuidSchema = { type: 'string', format: 'uuid' };
