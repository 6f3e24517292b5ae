import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * The embedded database (PGlite) in a worker thread, with the part of PGlite's interface drizzle uses: `query`,
 * `exec`, `transaction` and, for the test template, `dumpDataDir`. PGlite executes SQL synchronously in
 * WebAssembly; in the server's own thread every statement held up every request and every co-editor's
 * keystrokes for its whole duration. Here the event loop only posts the statement and takes the rows.
 */

interface QueryOptions {
	rowMode?: 'array' | 'object';
	/** drizzle passes identity parsers (types it wants as text); only their type ids travel. */
	parsers?: Record<number, unknown>;
}
export interface QueryResult {
	rows: unknown[];
	fields: { name: string; dataTypeID: number }[];
	affectedRows?: number;
}
interface TransactionHandle {
	query: (sql: string, params?: unknown[], options?: QueryOptions) => Promise<QueryResult>;
	exec: (sql: string) => Promise<QueryResult[]>;
}
interface Reply {
	id?: number;
	ready?: boolean;
	result?: unknown;
	error?: { name: string; message: string; fields: Record<string, unknown> };
}

const stopped = (code: number) => new Error(`the database thread stopped (exit ${code})`);

/** Resolved at run time from the project folder, as the migrations are: the production bundle loads it as it is. */
const workerFile = path.resolve('src/lib/server/db/pglite-worker.js');

export class PGliteThread {
	private next = 0;
	private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
	private failure: Error | null = null;

	private constructor(private readonly worker: Worker) {
		worker.on('message', (reply: Reply) => this.answer(reply));
		const fail = (err: Error) => {
			this.failure = err;
			for (const { reject } of this.pending.values()) reject(err);
			this.pending.clear();
		};
		worker.on('error', fail);
		worker.on('exit', (code) => fail(stopped(code)));
	}

	/** Opens (or creates) the database in `dataDir`, optionally from a dump made by `dumpDataDir`. */
	static async create(options: { dataDir: string; loadDataDir?: Blob }): Promise<PGliteThread> {
		const loadDataDir = options.loadDataDir ? await options.loadDataDir.arrayBuffer() : undefined;
		const worker = new Worker(workerFile, {
			workerData: { dataDir: options.dataDir, loadDataDir },
			transferList: loadDataDir ? [loadDataDir] : []
		});
		await new Promise<void>((resolve, reject) => {
			const onMessage = (reply: Reply) => reply.ready && (cleanup(), resolve());
			const onError = (err: Error) => (cleanup(), reject(err));
			const onExit = (code: number) => (cleanup(), reject(stopped(code)));
			const cleanup = () => {
				worker.off('message', onMessage);
				worker.off('error', onError);
				worker.off('exit', onExit);
			};
			worker.on('message', onMessage);
			worker.once('error', onError);
			worker.once('exit', onExit);
		});
		// Like PGlite in this thread, an idle database keeps no process alive; a statement in flight does.
		worker.unref();
		return new PGliteThread(worker);
	}

	query(sql: string, params: unknown[] = [], options?: QueryOptions, tx?: number): Promise<QueryResult> {
		const wire = options && { rowMode: options.rowMode, rawTypes: Object.keys(options.parsers ?? {}).map(Number) };
		return this.call('query', { sql, params, options: wire, tx }) as Promise<QueryResult>;
	}

	exec(sql: string, tx?: number): Promise<QueryResult[]> {
		return this.call('exec', { sql, tx }) as Promise<QueryResult[]>;
	}

	/** As PGlite's: commits when `run` resolves, rolls back when it throws. Other statements wait meanwhile. */
	async transaction<T>(run: (tx: TransactionHandle) => Promise<T>): Promise<T> {
		const tx = ++this.next;
		await this.call('begin', { tx });
		let result: T;
		try {
			result = await run({
				query: (sql, params, options) => this.query(sql, params, options, tx),
				exec: (sql) => this.exec(sql, tx)
			});
		} catch (err) {
			await this.call('rollback', { tx });
			throw err;
		}
		await this.call('commit', { tx });
		return result;
	}

	async dumpDataDir(compression: 'none' | 'gzip' | 'auto' = 'none'): Promise<Blob> {
		return new Blob([(await this.call('dump', { compression })) as ArrayBuffer]);
	}

	async close(): Promise<void> {
		await this.call('close', {});
		await this.worker.terminate();
	}

	private call(op: string, args: Record<string, unknown>): Promise<unknown> {
		if (this.failure) return Promise.reject(this.failure);
		const id = ++this.next;
		return new Promise((resolve, reject) => {
			if (this.pending.size === 0) this.worker.ref();
			this.pending.set(id, { resolve, reject });
			this.worker.postMessage({ id, op, ...args });
		});
	}

	private answer({ id, result, error }: Reply): void {
		const waiting = id === undefined ? undefined : this.pending.get(id);
		if (!waiting || id === undefined) return;
		this.pending.delete(id);
		if (this.pending.size === 0) this.worker.unref();
		if (error) waiting.reject(Object.assign(new Error(error.message), { name: error.name }, error.fields));
		else waiting.resolve(result);
	}
}
