import { ok, type ApiArea } from '../registry';

/** The contract itself. */
export const metaArea: ApiArea = {
	tag: { name: 'Contract', description: 'This document.' },
	schemas: {},
	paths: {
		'/api/openapi.json': {
			get: {
				operationId: 'getOpenApiDocument',
				tags: ['Contract'],
				summary: 'This OpenAPI 3.1 document',
				security: [],
				responses: {
					200: ok('The document', {
						type: 'object',
						properties: { openapi: { type: 'string', const: '3.1.0' }, info: { type: 'object' }, paths: { type: 'object' } },
						required: ['openapi', 'info', 'paths']
					})
				}
			}
		}
	}
};
