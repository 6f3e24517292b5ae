import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { apiRouteFiles, compileComponents, contract, HTTP_METHODS } from '../../fixtures/openapi';

const exportedMethods = (file: string) =>
	[...readFileSync(file, 'utf8').matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD)\b/g)].map((m) =>
		m[1].toLowerCase()
	);

describe('the OpenAPI document', () => {
	it('is a valid OpenAPI 3.1 document', async () => {
		const validator = new Validator({ strict: false });
		const result = await validator.validate(structuredClone(contract));
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
		expect(validator.version).toBe('3.1');
	});

	it('has response schemas that are valid JSON Schema 2020-12 (compiled by ajv in strict mode)', () => {
		expect(compileComponents()).toEqual(expect.arrayContaining(['Error', 'AgendaOverview', 'AgendaItem', 'CommentList', 'MyWork']));
	});

	it('documents every method of every route under src/routes/api, and nothing else', () => {
		const routes = apiRouteFiles().filter((r) => !r.rest);
		expect(routes.length).toBeGreaterThan(5);
		const inCode = routes.flatMap((r) => exportedMethods(r.file).map((m) => `${m.toUpperCase()} ${r.template}`)).sort();
		const inDocument = Object.entries(contract.paths)
			.flatMap(([p, item]) => HTTP_METHODS.filter((m) => m in item).map((m) => `${m.toUpperCase()} ${p}`))
			.sort();
		expect(inDocument).toEqual(inCode);
	});

	it('says for every operation how it refuses, and names a security requirement or none on purpose', () => {
		for (const [p, item] of Object.entries(contract.paths)) {
			for (const m of HTTP_METHODS.filter((m) => m in item)) {
				const op = item[m] as { responses: Record<string, unknown>; security?: unknown[]; operationId?: string };
				expect(op.operationId, `${m} ${p}`).toBeTruthy();
				const isPublic = Array.isArray(op.security) && op.security.length === 0;
				if (!isPublic) expect(Object.keys(op.responses), `${m} ${p}`).toEqual(expect.arrayContaining(['200', '401']));
			}
		}
	});
});
