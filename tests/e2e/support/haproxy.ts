import { spawnSync } from 'node:child_process';
import { spawnLogged } from './spawn-logged';
import { userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './server';

const root = fileURLToPath(new URL('../../..', import.meta.url));
/** The proxy configuration the repository ships; the test runs it unchanged, only its environment differs. */
const HAPROXY_CONFIG = path.join(root, 'deploy', 'haproxy.cfg');

/** Why HAProxy cannot run here, or null when it can. */
export function haproxyMissing(): string | null {
	const probe = spawnSync('haproxy', ['-v'], { encoding: 'utf8' });
	if (probe.error || probe.status !== 0) return 'haproxy is not installed (apt-get install -y haproxy, as .ci/run does)';
	return null;
}

export interface RunningProxy {
	url: string;
	/** A command on HAProxy's admin socket, e.g. `set server app/node1 state drain`; resolves with its answer. */
	admin(command: string): Promise<string>;
	output(): string;
	stop(): Promise<void>;
}

/**
 * HAProxy in the foreground with deploy/haproxy.cfg, on a free port of 127.0.0.1, in front of `nodes`
 * ("host:port" of node1 and node2), on `port` when given. Its admin socket goes to `dir`, its log to stdout.
 */
export async function startHaproxy(nodes: [string, string], dir: string, port?: number): Promise<RunningProxy> {
	port ??= await freePort();
	const socket = path.join(dir, 'haproxy-admin.sock');
	const group = spawnSync('id', ['-gn'], { encoding: 'utf8' }).stdout.trim();
	const env = {
		...process.env,
		PORTAL_BIND: `127.0.0.1:${port}`,
		NODE1: nodes[0],
		NODE2: nodes[1],
		HAPROXY_USER: userInfo().username,
		HAPROXY_GROUP: group,
		HAPROXY_ADMIN_SOCKET: socket,
		HAPROXY_LOG: 'stdout'
	};
	const { child, output } = spawnLogged('haproxy', ['-db', '-f', HAPROXY_CONFIG], { env });
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 10_000;
	while (
		!(await fetch(`${url}/healthz`).then(
			(r) => r.ok,
			() => false
		))
	) {
		if (child.exitCode !== null) throw new Error(`haproxy exited (${child.exitCode}):\n${output()}`);
		if (Date.now() > deadline) throw new Error(`haproxy did not answer on ${url}:\n${output()}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		output,
		admin: (command) => adminCommand(socket, command),
		stop: async () => {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			await exited;
		}
	};
}

async function adminCommand(socket: string, command: string): Promise<string> {
	const { createConnection } = await import('node:net');
	return new Promise((resolve, reject) => {
		let answer = '';
		const c = createConnection(socket, () => c.end(`${command}\n`));
		c.on('data', (d) => (answer += d));
		c.on('end', () => resolve(answer));
		c.on('error', reject);
	});
}
