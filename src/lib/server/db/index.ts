import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ExtractTablesWithRelations, Logger } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { PGlite } from '@electric-sql/pglite';
import * as schema from './schema';
import { lockDataDir } from './single-node';
import { copyTemplate, isEmptyDataDir } from './template';

export { schema };
export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface DbHandle {
	db: Db;
	kind: 'pglite' | 'postgres';
	/** PostgreSQL only: the connection URL (the job queue opens its own few connections with it). */
	url?: string;
	/** The job queue's way in on the embedded database: one statement with parameters, or several without. */
	jobDb: { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };
	/** Runs the drizzle migrations in `migrationsFolder`. */
	migrate(migrationsFolder?: string): Promise<void>;
	/**
	 * Runs `work` while no other app node runs its own (migrations and demo data at start-up: two nodes started
	 * together on an empty database must not both create it). The embedded database has one node by design.
	 */
	exclusive<T>(work: () => Promise<T>): Promise<T>;
	/** A cheap round trip, for health checks. */
	ping(): Promise<void>;
	close(): Promise<void>;
}

export interface DbOptions {
	/** A PostgreSQL URL; without it an embedded PGlite database is used. */
	url?: string;
	/** Folder for PGlite's files; `memory://` keeps it in memory (tests). */
	dataDir?: string;
	/** Connection pool size for PostgreSQL. */
	max?: number;
	/** Sees every SQL statement (tests and benchmarks count queries with it). */
	logger?: Logger;
	/** PGlite only: start from this dump of a data directory (`dumpDataDir`) instead of an empty cluster. */
	loadDataDir?: Blob;
	/** PGlite only: when `dataDir` holds no database yet, start from a copy of this prepared one (template.ts). */
	template?: string;
}

const defaultMigrations = path.resolve('drizzle');
/** The advisory lock key of start-up work ("regioportaal" in a bigint's range). */
const STARTUP_LOCK = 0x5265_6769_6f70;

export async function createDb(options: DbOptions = {}): Promise<DbHandle> {
	return options.url ? createPostgres(options.url, options.max ?? 10, options.logger) : createPglite(options.dataDir ?? './data/pglite', options);
}

/**
 * How long a pool connection waits before it tries again after failed connects (seconds). The driver's own
 * default grows with every failure, shared by the whole pool, up to 20 s: after a restart of some seconds the
 * database was back while every waiting query (and each socket's login check) still waited up to 20 s more.
 * Capped at one second, the pool is back within about a second of the database; a refused connect costs
 * nothing worth saving for.
 */
export const reconnectDelaySeconds = (failures: number) => Math.min(0.05 * 2 ** failures, 1);

async function createPostgres(url: string, max: number, logger?: Logger): Promise<DbHandle> {
	const { default: postgres } = await import('postgres');
	const { drizzle } = await import('drizzle-orm/postgres-js');
	const { migrate } = await import('drizzle-orm/postgres-js/migrator');
	const { containDriverFault } = await import('./driver-guard');
	const open = () => postgres(url, { max, onnotice: () => {}, backoff: reconnectDelaySeconds });
	let client = open();
	// Everything reaches the pool through `current`, so the pool can be replaced under the running app.
	const current = new Proxy((() => {}) as unknown as typeof client, {
		get: (_, prop) => Reflect.get(client, prop),
		apply: (_, self, args) => Reflect.apply(client as unknown as (...a: unknown[]) => unknown, self, args)
	});
	const db = drizzle(current, { schema, casing: 'snake_case', logger });
	// A connection the driver left broken (driver-guard.ts): fresh connections, with the type handling drizzle
	// set on the old client; the old pool ends and settles its stuck queries.
	const stopGuard = containDriverFault(() => {
		const old = client;
		client = open();
		Object.assign(client.options.parsers, old.options.parsers);
		Object.assign(client.options.serializers, old.options.serializers);
		void old.end({ timeout: 5 }).catch(() => {});
	});
	return {
		db: db as unknown as Db,
		kind: 'postgres',
		url,
		jobDb: {
			executeSql: async (text, values) => ({ rows: [...(await (values?.length ? current.unsafe(text, values as never[]) : current.unsafe(text).simple()))] })
		},
		migrate: (folder = defaultMigrations) => migrate(db, { migrationsFolder: folder }),
		exclusive: async (work) => {
			// A session-level advisory lock on one reserved connection: released with it, even if `work` fails.
			const reserved = await current.reserve();
			try {
				await reserved`select pg_advisory_lock(${STARTUP_LOCK})`;
				return await work();
			} finally {
				await reserved`select pg_advisory_unlock(${STARTUP_LOCK})`.catch(() => {});
				reserved.release();
			}
		},
		ping: async () => void (await current`select 1`),
		close: () => {
			stopGuard();
			return client.end({ timeout: 5 });
		}
	};
}

async function createPglite(dataDir: string, { logger, loadDataDir, template }: DbOptions): Promise<DbHandle> {
	const { PGliteThread } = await import('./pglite-thread');
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	// PGlite does not create parent folders itself.
	if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
	const releaseLock = dataDir.startsWith('memory://') ? () => {} : lockDataDir(dataDir);
	// Only under the lock: another process starting on the same folder must not copy over a running database.
	if (template && isEmptyDataDir(dataDir)) copyTemplate(template, dataDir);
	const client = await PGliteThread.create({ dataDir, loadDataDir }).catch((err) => {
		releaseLock();
		throw err;
	});
	// drizzle only uses the part of PGlite's interface the thread offers (see pglite-thread.ts).
	const db = drizzle({ client: client as unknown as PGlite, schema, casing: 'snake_case', logger });
	return {
		db: db as unknown as Db,
		kind: 'pglite',
		jobDb: {
			executeSql: async (text, values) => {
				if (values?.length) return client.query(text, values);
				const results = await client.exec(text);
				return results.at(-1) ?? { rows: [] };
			}
		},
		migrate: (folder = defaultMigrations) => migrate(db, { migrationsFolder: folder }),
		exclusive: (work) => work(),
		ping: async () => void (await client.query('select 1')),
		close: async () => {
			await client.close();
			releaseLock();
		}
	};
}
