// Plain JavaScript, loaded as a worker thread at run time (development, tests and the production build alike):
// the embedded database (PGlite) runs here, so its work never holds up the server's event loop. The other end
// is pglite-thread.ts; each message is { id, op, ... } and is answered with { id, result } or { id, error }.
import { parentPort as port, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { idleCollector } from '../idle-collector.js';

/**
 * @typedef {import('@electric-sql/pglite').Transaction} Transaction
 * @typedef {{ rowMode?: 'array' | 'object', rawTypes?: number[] }} WireOptions
 * @typedef {{ tx: Transaction, commit: () => void, rollback: (err: Error) => void, done: Promise<unknown> }} OpenTransaction
 */

if (!port) throw new Error('pglite-worker.js runs as a worker thread');
const parentPort = port;
/** @type {{ dataDir: string, loadDataDir?: ArrayBuffer }} */
const { dataDir, loadDataDir } = workerData;
// unaccent: the search ignores accents (migration 0017_search), as on a PostgreSQL server.
const pg = await PGlite.create({
	dataDir,
	loadDataDir: loadDataDir ? new Blob([loadDataDir]) : undefined,
	extensions: { unaccent },
	// PostgreSQL's default 128 MB of buffers live in the WebAssembly memory, which never shrinks: with 32 MB the
	// server idles about 100 MB lower (bench/memory.js), and the data files are still read from the OS's cache.
	postgresqlconf: 'shared_buffers = 32MB'
});

/** Open transactions by the caller's id: the PGlite transaction, and how to end it. @type {Map<number, OpenTransaction>} */
const transactions = new Map();
const identity = (/** @type {string} */ value) => value;

/** Query options as sent: the row mode, and the types to hand over as text (drizzle's parsers are all identity). */
const optionsOf = (/** @type {WireOptions | undefined} */ o) =>
	o && { rowMode: o.rowMode, parsers: Object.fromEntries((o.rawTypes ?? []).map((t) => [t, identity])) };
/** @param {number | undefined} tx @returns {PGlite | Transaction} */
const targetOf = (tx) => (tx ? /** @type {OpenTransaction} */ (transactions.get(tx)).tx : pg);
/** @param {number} tx */
const openTransaction = (tx) => /** @type {OpenTransaction} */ (transactions.get(tx));

/** @type {Record<string, (args: any) => Promise<unknown>>} */
const ops = {
	/** @param {{ sql: string, params?: unknown[], options?: WireOptions, tx?: number }} args */
	async query({ sql, params, options, tx }) {
		const { rows, fields, affectedRows } = await targetOf(tx).query(sql, params, optionsOf(options));
		return { rows, fields, affectedRows };
	},
	/** @param {{ sql: string, tx?: number }} args */
	async exec({ sql, tx }) {
		return (await targetOf(tx).exec(sql)).map(({ rows, fields, affectedRows }) => ({ rows, fields, affectedRows }));
	},
	/** @param {{ tx: number }} args */
	begin({ tx }) {
		return new Promise((started, failed) => {
			let open = false;
			/** @type {Promise<unknown>} */
			const done = pg.transaction(
				(t) =>
					new Promise((commit, rollback) => {
						transactions.set(tx, { tx: t, commit: () => commit(undefined), rollback, done });
						open = true;
						started(null);
					})
			);
			done.catch((err) => open || failed(err));
		});
	},
	/** @param {{ tx: number }} args */
	async commit({ tx }) {
		const entry = openTransaction(tx);
		entry.commit();
		try {
			await entry.done;
		} finally {
			transactions.delete(tx);
		}
		return null;
	},
	/** @param {{ tx: number }} args */
	async rollback({ tx }) {
		const entry = openTransaction(tx);
		entry.rollback(new Error('rollback'));
		await entry.done.catch(() => {});
		transactions.delete(tx);
		return null;
	},
	/** @param {{ compression: 'none' | 'gzip' | 'auto' }} args */
	async dump({ compression }) {
		return (await pg.dumpDataDir(compression)).arrayBuffer();
	},
	async close() {
		await pg.close();
		return null;
	}
};

/** A database error as plain data: its message and its fields (code, detail, constraint…), nothing that cannot travel. */
/** @param {any} err */
function plain(err) {
	/** @type {Record<string, unknown>} */
	const fields = {};
	for (const [key, value] of Object.entries(err ?? {})) {
		if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
	}
	return { name: err?.name ?? 'Error', message: err?.message ?? String(err), fields };
}

// Statements are this thread's work: quiet after a burst of them, it gives its grown heap back.
const idle = idleCollector();
parentPort.on('message', async ({ id, op, ...args }) => {
	idle.touch();
	try {
		parentPort.postMessage({ id, result: await ops[op](args) });
	} catch (err) {
		parentPort.postMessage({ id, error: plain(err) });
	}
});
parentPort.postMessage({ ready: true });
