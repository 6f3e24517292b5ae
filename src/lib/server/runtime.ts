import path from 'node:path';
import { readConfig, type Config } from './config';
import { createDb, type Db, type DbHandle } from './db';
import { pickTemplate } from './db/template';
import { prepareDatabase } from './seed/startup';
import { currentHub } from './realtime/yjs-hub';
import { onShutdown } from './shutdown.js';
import { startQueue, stopQueue } from './queue';
import { mailWorker } from './modules/mail';
// Who is told about decisions: set up for every write of this process when the module loads.
import { digestWorker } from './modules/notifications';

export interface Runtime {
	config: Config;
	handle: DbHandle;
	db: Db;
}

// Kept on globalThis so the SvelteKit bundle, the socket.io server and Vite's module graph share one database.
const key = Symbol.for('regioportaal.runtime');
type Holder = { [key]?: Promise<Runtime> };
const holder = globalThis as Holder;

/** Opens the database, applies the migrations and loads the seed data into an empty database (once per process). */
export function startRuntime(config: Config = readConfig()): Promise<Runtime> {
	holder[key] ??= (async () => {
		onShutdown(stopRuntime);
		const dataDir = path.join(config.dataDir, 'pglite');
		const template = config.databaseUrl ? null : pickTemplate({ demo: config.demoAllowed });
		const handle = await createDb({ url: config.databaseUrl, dataDir, template: template?.dir });
		await handle.exclusive(() => prepareDatabase(handle, { demo: config.demoAllowed }));
		await startQueue(handle, [mailWorker(handle.db), digestWorker(handle.db)]);
		return { config, handle, db: handle.db };
	})();
	return holder[key];
}

/**
 * Graceful stop (server.js runs it through the shutdown hooks): the open co-editing documents store their
 * last changes and write their snapshot, then the database closes.
 */
export async function stopRuntime(): Promise<void> {
	await currentHub()
		?.closeAll()
		.catch((err) => console.error('runtime: co-editing documents not closed', err));
	await stopQueue().catch((err) => console.error('runtime: job queue not stopped', err));
	const started = holder[key];
	if (!started) return;
	delete holder[key];
	const rt = await started.catch(() => undefined);
	await rt?.handle.close();
}

/** The started runtime; fails loudly when used before `startRuntime`. */
export async function runtime(): Promise<Runtime> {
	const started = holder[key];
	if (!started) throw new Error('runtime not started');
	return started;
}

/** For tests: use an already opened database as the runtime. */
export function useRuntime(rt: Runtime): void {
	holder[key] = Promise.resolve(rt);
}
