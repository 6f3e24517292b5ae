import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createDb, reconnectDelaySeconds, type DbHandle } from '../../../src/lib/server/db';
import { postgresBin, startPrivateCluster, type PrivateCluster } from '../../e2e/support/private-postgres';
import { freePort } from '../../e2e/support/server';
import { testBackend } from '../../fixtures/db';
import { unavailableCode } from '../../../src/lib/server/db/unavailable';

const bin = postgresBin();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the reconnect delay of the pool', () => {
	it('grows with failures but never beyond one second', () => {
		expect(reconnectDelaySeconds(0)).toBeLessThan(reconnectDelaySeconds(3));
		for (const n of [5, 20, 100, 1_000]) expect(reconnectDelaySeconds(n)).toBe(1);
	});
});

// A cluster of its own, stopped and started: only where the integration tests run on PostgreSQL.
describe.skipIf(testBackend !== 'postgres' || !bin)('the pool after PostgreSQL was down', () => {
	let cluster: PrivateCluster;
	let handle: DbHandle;
	beforeAll(async () => {
		cluster = startPrivateCluster(bin as string, await freePort());
		handle = await createDb({ url: cluster.url, max: 10 });
	}, 120_000);
	afterAll(async () => {
		await handle?.close().catch(() => {});
		cluster?.destroy();
	});

	it('answers again within seconds of the database being back, queries from the outage included', async () => {
		await handle.ping();
		await cluster.stop();
		// Queries keep coming while it is down (every page, every socket's login check): the pool's connects fail many times.
		const during: Promise<unknown>[] = [];
		for (let i = 0; i < 30; i++) {
			for (let j = 0; j < 10; j++) during.push(handle.ping().catch(() => 'refused'));
			await pause(100);
		}
		await cluster.start();
		const backAt = Date.now();
		// With the driver's own backoff (up to 20 s after this many failures) these waited long after this.
		const settled = await Promise.race([Promise.all(during).then(() => Date.now() - backAt), pause(3_000).then(() => 'still waiting')]);
		expect(settled).toBeTypeOf('number');
		await handle.ping();
	}, 120_000);
});

// The driver kept a killed connection's error answer and replayed it onto the first query of the reconnected
// connection (patches/postgres+3.4.9.patch): after a restart, a page or a socket's login check failed once
// with "terminating connection due to administrator command" although the database was back.
describe.skipIf(testBackend !== 'postgres' || !bin)('a connection killed during a query', () => {
	let cluster: PrivateCluster;
	let handle: DbHandle;
	let admin: DbHandle;
	beforeAll(async () => {
		cluster = startPrivateCluster(bin as string, await freePort());
		// One connection, so the next query goes to the connection that was killed.
		handle = await createDb({ url: cluster.url, max: 1 });
		admin = await createDb({ url: cluster.url, max: 1 });
	}, 120_000);
	afterAll(async () => {
		await handle?.close().catch(() => {});
		await admin?.close().catch(() => {});
		cluster?.destroy();
	});

	it('fails that query only: the next one on the pool is answered', async () => {
		for (let round = 0; round < 3; round++) {
			const [{ pid }] = (await handle.db.execute(sql`select pg_backend_pid() as pid`)) as unknown as { pid: number }[];
			const slow = handle.db.execute(sql`select pg_sleep(30)`).then(
				() => 'answered',
				(err: unknown) => unavailableCode(err) ?? String(err)
			);
			await pause(200);
			await admin.db.execute(sql`select pg_terminate_backend(${pid})`);
			expect(await slow).toMatch(/^(57P01|CONNECTION_CLOSED|ECONNRESET)$/);
			const [{ one }] = (await handle.db.execute(sql`select 1 as one`)) as unknown as { one: number }[];
			expect(one).toBe(1);
		}
	}, 60_000);

	it('fails no query of a restart after the one in flight', async () => {
		const slow = handle.db.execute(sql`select pg_sleep(30)`).catch(() => 'refused');
		await pause(200);
		await cluster.restart('fast');
		expect(await slow).toBe('refused');
		const [{ one }] = (await handle.db.execute(sql`select 1 as one`)) as unknown as { one: number }[];
		expect(one).toBe(1);
	}, 60_000);
});
