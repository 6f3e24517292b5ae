import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serverEnv, serverNodeFlags } from '../../../scripts/server-flags.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * A production server (`node server.js`) on its own DATA_DIR and port that a fault test can SIGKILL and start
 * again on the same data: `start` resolves once /healthz answers, `kill` once the process is gone.
 */
export function killableServer(dataDir: string, extraEnv: Record<string, string> = {}) {
	let child: ChildProcess | null = null;
	let output = '';
	async function start(port: number): Promise<void> {
		// As npm start runs it: the same Node flags and malloc settings (scripts/server-flags.js).
		const env: NodeJS.ProcessEnv = { ...serverEnv, ...process.env };
		for (const k of ['DATABASE_URL', 'ORIGIN', 'VITEST', 'TEST']) delete env[k];
		Object.assign(env, { NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...extraEnv });
		if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL;
		const c = spawn(process.execPath, [...serverNodeFlags, 'server.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
		c.stdout!.on('data', (d) => (output += d));
		c.stderr!.on('data', (d) => (output += d));
		child = c;
		const deadline = Date.now() + 90_000;
		while (Date.now() < deadline) {
			if (c.exitCode !== null) throw new Error(`server.js exited early\n${output}`);
			const ok = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
				(r) => r.status === 200,
				() => false
			);
			if (ok) return;
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(`server.js not healthy\n${output}`);
	}
	function kill(): Promise<void> {
		const c = child;
		if (!c || c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
		return new Promise((resolve) => {
			c.once('exit', () => resolve());
			c.kill('SIGKILL');
		});
	}
	return { start, kill, output: () => output };
}
