/**
 * The database a benchmark server runs on: an in-memory PGlite, or (with --postgres) a fresh database on
 * DATABASE_URL that `drop()` removes afterwards. Migrated and seeded with the region (no demo accounts).
 * `createDb` and `seedIfEmpty` come in from the caller, which loads them through Vite from the sources.
 * @param {{ createDb: Function, seedIfEmpty: Function, postgres: boolean }} deps
 */
export async function openBenchDatabase({ createDb, seedIfEmpty, postgres }) {
	let handle;
	let drop = async () => {};
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
		handle = await createDb({ dataDir: 'memory://' });
	}
	await handle.migrate();
	await seedIfEmpty(handle.db, { demo: false });
	return { handle, drop };
}
