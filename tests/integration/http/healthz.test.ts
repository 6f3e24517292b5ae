import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { useRuntime } from '../../../src/lib/server/runtime';
import { readConfig } from '../../../src/lib/server/config';
import { GET } from '../../../src/routes/healthz/+server';

let t: TestDb;
beforeAll(async () => (t = await testDb()));
afterAll(() => destroy(t));

const call = () => (GET as unknown as () => Promise<Response>)();

describe('GET /healthz', () => {
	it('answers 200 with the database up', async () => {
		useRuntime({ config: readConfig(), handle: t, db: t.db });
		const res = await call();
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
	});

	it('answers 503 naming the database when it does not answer', async () => {
		const down = { ...t, ping: async () => Promise.reject(new Error('connection refused')) };
		useRuntime({ config: readConfig(), handle: down, db: t.db });
		const res = await call();
		expect(res.status).toBe(503);
		expect(await res.json()).toEqual({ status: 'error', database: 'down' });
	});
});
