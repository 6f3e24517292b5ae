import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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

	it('answers 503 within its own time limit when the database hangs instead of refusing', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			const hanging = { ...t, ping: () => new Promise<void>(() => {}) };
			useRuntime({ config: readConfig(), handle: hanging, db: t.db });
			const answered = call();
			await vi.advanceTimersByTimeAsync(2_000);
			const res = await answered;
			expect(res.status).toBe(503);
			expect(await res.json()).toEqual({ status: 'error', database: 'down' });
		} finally {
			vi.useRealTimers();
		}
	});
});
