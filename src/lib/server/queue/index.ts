import PgBoss from 'pg-boss';
import { sql, type SQL } from 'drizzle-orm';
import type { DbHandle, Queryable } from '../db';
import { isDatabaseUnavailable } from '../db/unavailable';

/**
 * The job queue: pg-boss on the portal's own database (schema `pgboss`, made by a migration). On PostgreSQL it
 * keeps its own small connection pool; on the embedded database it runs its SQL through the database thread,
 * which serialises statements as PGlite does. Jobs are fetched with FOR UPDATE SKIP LOCKED, so with several app
 * nodes each job runs on one of them; a job queued in a transaction exists exactly when that transaction commits.
 */

export type JobDb = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

export const queues = { mail: 'mail', digest: 'mail-digest' } as const;
export type QueueName = (typeof queues)[keyof typeof queues];

/** Runs pg-boss's numbered-parameter SQL on a drizzle database or transaction. */
export function jobDbOf(q: Queryable): JobDb {
	return {
		async executeSql(text, values = []) {
			const result = (await q.execute(bind(text, values))) as unknown as { rows: unknown[] } | unknown[];
			return { rows: Array.isArray(result) ? result : result.rows };
		}
	};
}

function bind(text: string, values: unknown[]): SQL {
	const chunks: SQL[] = [];
	let last = 0;
	for (const match of text.matchAll(/\$(\d+)/g)) {
		chunks.push(sql.raw(text.slice(last, match.index)));
		chunks.push(sql`${wire(values[Number(match[1]) - 1])}`);
		last = match.index + match[0].length;
	}
	chunks.push(sql.raw(text.slice(last)));
	return sql.join(chunks);
}

/** Job data is JSON; the drivers differ in how they send a plain object, so it travels as text. */
function wire(value: unknown): unknown {
	return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) ? JSON.stringify(value) : (value ?? null);
}

// Never started: only used to put jobs into a transaction (its `db` is always the caller's).
const inserter = new PgBoss({ db: { executeSql: () => Promise.reject(new Error('queue: a job is always sent with a transaction')) } } as never);

/** Queues a job in the caller's transaction: it runs only if that commits, and is never lost after it did. */
export async function sendJob(q: Queryable, name: QueueName, data: object, options: PgBoss.SendOptions = {}): Promise<void> {
	await inserter.send(name, data, { ...options, db: jobDbOf(q) } as PgBoss.SendOptions);
}

export type Job<T> = PgBoss.JobWithMetadata<T>;
export type Worker = (boss: PgBoss) => Promise<void>;

const key = Symbol.for('regioportaal.queue');
type Holder = { [key]?: Promise<PgBoss> };
const holder = globalThis as Holder;

/** A started queue with its maintenance, schedules and the given workers; each app node runs one. */
export async function createQueue(handle: DbHandle, workers: Worker[]): Promise<PgBoss> {
	const options = handle.kind === 'postgres' && handle.url ? { connectionString: handle.url, max: 3 } : { db: handle.jobDb };
	const boss = new PgBoss({ ...options, schema: 'pgboss', supervise: true, schedule: true, migrate: true } as PgBoss.ConstructorOptions);
	// While the database restarts the queue's polling fails every few seconds: one line each, not the whole client.
	boss.on('error', (err) =>
		isDatabaseUnavailable(err) ? console.error(`queue: database unavailable (${(err as { code?: string }).code ?? err.message})`) : console.error('queue:', err)
	);
	await boss.start();
	for (const start of workers) await start(boss);
	return boss;
}

/** The queue of this process (once). */
export function startQueue(handle: DbHandle, workers: Worker[]): Promise<PgBoss> {
	holder[key] ??= createQueue(handle, workers);
	return holder[key];
}

/** Stops fetching new jobs, lets running ones finish (up to a few seconds), then lets go of the database. */
export async function stopQueue(): Promise<void> {
	const started = holder[key];
	if (!started) return;
	delete holder[key];
	const boss = await started.catch(() => undefined);
	await boss?.stop({ graceful: true, wait: true, timeout: 5000 });
}
