import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createDb, type DbHandle } from '../../../src/lib/server/db';
import { isUniqueViolation } from '../../../src/lib/server/db/pg-errors';
import { testBackend } from '../../fixtures/db';

/**
 * The embedded database runs in a worker thread (db/pglite-thread.ts). The rest of the suite runs every query
 * through it; these are the properties of the thread itself. PGlite only: on PostgreSQL there is no thread.
 */
/** The rows of a raw statement's result (drizzle types it per driver). */
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

describe.skipIf(testBackend !== 'pglite')('the embedded database in its own thread (PGlite only: skipped on PostgreSQL, which has no such thread)', () => {
	let h: DbHandle;
	beforeAll(async () => {
		h = await createDb({ dataDir: 'memory://' });
		await h.db.execute(sql`create table t (id int primary key, label text not null)`);
	});
	afterAll(() => h.close());

	it('leaves the event loop free while a statement runs (in this thread, no timer could fire during it)', async () => {
		let ticks = 0;
		const timer = setInterval(() => ticks++, 1);
		try {
			await h.db.execute(sql`select count(*) from generate_series(1, 3000000)`);
		} finally {
			clearInterval(timer);
		}
		expect(ticks).toBeGreaterThan(0);
	});

	it('commits a transaction, and rolls one back when it throws, with the PostgreSQL error code intact', async () => {
		await h.db.transaction(async (tx) => {
			await tx.execute(sql`insert into t values (1, 'een')`);
		});
		const failed = await h.db
			.transaction(async (tx) => {
				await tx.execute(sql`insert into t values (2, 'twee')`);
				await tx.execute(sql`insert into t values (1, 'nogmaals een')`);
			})
			.catch((err: unknown) => err);
		expect(isUniqueViolation(failed)).toBe(true);
		const rows = rowsOf<{ id: number; label: string }>(await h.db.execute(sql`select id, label from t order by id`));
		expect(rows).toEqual([{ id: 1, label: 'een' }]);
	});

	it('makes other statements wait for an open transaction, as one PGlite connection does', async () => {
		const seen: string[] = [];
		let release!: () => void;
		const held = new Promise<void>((r) => (release = r));
		const tx = h.db.transaction(async (t) => {
			await t.execute(sql`insert into t values (3, 'drie')`);
			seen.push('inserted');
			await held;
		});
		await new Promise((r) => setTimeout(r, 20));
		const outside = h.db.execute(sql`select count(*)::int as n from t where id = 3`).then((r) => {
			seen.push('read');
			return rowsOf<{ n: number }>(r)[0].n;
		});
		await new Promise((r) => setTimeout(r, 20));
		seen.push('released');
		release();
		await tx;
		expect(await outside).toBe(1);
		expect(seen).toEqual(['inserted', 'released', 'read']);
	});

	it('hands bytes, dates as text and JSON over unchanged', async () => {
		const bytes = new Uint8Array([0, 255, 92, 120, 48]);
		const [row] = rowsOf<{ b: Uint8Array; at: string; j: { a: number[] } }>(
			await h.db.execute(sql`select ${bytes}::bytea as b, '2026-11-25 12:00:00+00'::timestamptz as at, '{"a":[1,2]}'::jsonb as j`)
		);
		expect(Buffer.from(row.b).equals(Buffer.from(bytes))).toBe(true);
		expect(row.j).toEqual({ a: [1, 2] });
		expect(row.at).toMatch(/^2026-11-25 12:00:00/);
	});

	// Starting npx, tsx and the database can take long on a busy machine; a script that never ends is stopped at 90 s.
	it('keeps no script running once its statements are done, as PGlite in the same thread did not', { timeout: 120_000 }, () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'rp-pglite-thread-'));
		const script = path.join(dir, 'script.mts');
		const db = path.resolve('src/lib/server/db/index.ts');
		writeFileSync(
			script,
			`import { createDb } from ${JSON.stringify(db)};\n` +
				`const h = await createDb({ dataDir: 'memory://' });\n` +
				`await h.ping();\n` +
				`console.log('asked');\n`
		);
		try {
			const run = spawnSync('npx', ['tsx', script], { encoding: 'utf8', timeout: 90_000 });
			expect(run.stdout).toContain('asked');
			expect(run.signal).toBeNull();
			expect(run.status).toBe(0);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
