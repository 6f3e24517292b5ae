import type { ChildProcess } from 'node:child_process';
import { spawnLogged } from './spawn-logged';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serverEnv, serverNodeFlags } from '../../../scripts/server-flags.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export interface RunningServer {
	url: string;
	port: number;
	/** Everything the server wrote to stdout and stderr so far. */
	output(): string;
	/** Whether the process is still running (a fault test proves it never ended). */
	alive(): boolean;
	stop(): Promise<void>;
	/** SIGKILL: the process ends at once, nothing is stored or closed (a crash). */
	kill(): Promise<void>;
}

/** A port nobody listens on right now (the OS picks it; never 3000 or the dev servers' 3201-3204). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
	});
}

/**
 * Starts the production server (`node server.js`, NODE_ENV=production) on a random port (or `port`) with its own
 * DATA_DIR, and waits until GET /healthz answers 200. DATABASE_URL is passed only when given here.
 */
export async function startServer(opts: {
	dataDir: string;
	databaseUrl?: string;
	timeoutMs?: number;
	env?: Record<string, string>;
	/** A port of its own choosing (a node restarted where a proxy expects it); else a free one. */
	port?: number;
}): Promise<RunningServer> {
	const port = opts.port ?? (await freePort());
	const env: NodeJS.ProcessEnv = { ...serverEnv, ...process.env };
	delete env.DATABASE_URL;
	delete env.ORIGIN;
	delete env.VITEST;
	delete env.TEST;
	Object.assign(env, { NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: opts.dataDir });
	if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
	Object.assign(env, opts.env);

	const { child, output } = spawnLogged(process.execPath, [...serverNodeFlags, 'server.js'], { cwd: root, env });
	const url = `http://127.0.0.1:${port}`;
	const alive = () => child.exitCode === null && child.signalCode === null;
	const server: RunningServer = { url, port, output, alive, stop: () => stopChild(child), kill: () => killChild(child) };
	try {
		await waitForHealthy(url, child, opts.timeoutMs ?? 90_000);
	} catch (err) {
		await server.stop();
		throw new Error(`${(err as Error).message}\n--- server output ---\n${output()}`, { cause: err });
	}
	return server;
}

async function waitForHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last = 'no answer';
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`server.js stopped before it was healthy (exit ${child.exitCode ?? child.signalCode})`);
		}
		try {
			const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
			if (res.status === 200) return;
			last = `status ${res.status}: ${await res.text()}`;
		} catch (err) {
			last = (err as Error).message;
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`server.js not healthy at ${url}/healthz within ${timeoutMs} ms (${last})`);
}

async function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
	await exited;
	clearTimeout(timer);
}

function killChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill('SIGKILL');
	return exited;
}
