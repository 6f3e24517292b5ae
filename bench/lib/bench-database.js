import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The database a benchmark server runs on: PGlite in a new temporary directory, on disk as `npm start` runs it
 * (in memory, every write would grow a file held in the server's own JavaScript heap, and the garbage collector
 * would pause the server for it), or (with --postgres) a fresh database on DATABASE_URL. `drop()` removes either,
 * except a `dataDir` the caller passed in. Migrated and seeded with the region (no demo accounts).
 * `createDb` and `seedIfEmpty` come in from the caller, which loads them through Vite from the sources.
 * @param {{ createDb: Function, seedIfEmpty: Function, postgres: boolean, dataDir?: string }} deps
 */
export async function openBenchDatabase({ createDb, seedIfEmpty, postgres, dataDir: given }) {
	let handle;
	let drop;
	if (postgres) {
		const url = process.env.DATABASE_URL;
		if (!url) throw new Error('--postgres needs DATABASE_URL');
		const name = `rp_bench_${Date.now()}`;
		const admin = await createDb({ url, max: 1 });
		await admin.db.execute(`create database ${name}`);
		const u = new URL(url);
		u.pathname = `/${name}`;
		handle = await createDb({ url: u.toString(), max: 10 });
		drop = async () => {
			await handle.close();
			await admin.db.execute(`drop database if exists ${name} with (force)`);
			await admin.close();
		};
	} else {
		const dataDir = given ?? pgliteDirectory();
		handle = await createDb({ dataDir });
		drop = async () => {
			await handle.close();
			if (!given) rmSync(dataDir, { recursive: true, force: true });
		};
	}
	await handle.migrate();
	await seedIfEmpty(handle.db, { demo: false });
	return { handle, drop };
}

/** A new, empty directory for an embedded database; the caller removes it. */
export function pgliteDirectory() {
	return mkdtempSync(path.join(tmpdir(), 'rp-bench-pglite-'));
}
