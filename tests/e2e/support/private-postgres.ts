import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The folder of the PostgreSQL server programs (initdb, pg_ctl), newest version first; null when absent. */
export function postgresBin(): string | null {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const versions = readdirSync(root)
		.filter((v) => existsSync(path.join(root, v, 'bin', 'pg_ctl')) && existsSync(path.join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(root, versions[0], 'bin') : null;
}

export interface PrivateCluster {
	/** postgres://…/postgres on this cluster only. */
	url: string;
	/** `pg_ctl restart` without blocking the test's own clients meanwhile. */
	restart(mode: 'fast' | 'immediate'): Promise<void>;
	/** Stops it (fast) until `start`. */
	stop(): Promise<void>;
	start(): Promise<void>;
	destroy(): void;
}

/**
 * A PostgreSQL cluster of its own (own folder, own port, socket in its folder) that a fault test may restart
 * at will without touching the shared server. PostgreSQL refuses to run as root, so as root its programs run
 * as the `postgres` user.
 */
export function startPrivateCluster(bin: string, port: number): PrivateCluster {
	const dir = mkdtempSync(path.join(tmpdir(), 'rp-e2e-pg-'));
	const asRoot = process.getuid?.() === 0;
	if (asRoot) {
		const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
		chownSync(dir, uid, gid);
	}
	const data = path.join(dir, 'data');
	const command = (program: string, args: string[]): [string, string[]] =>
		asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args]] : [path.join(bin, program), args];
	const run = (program: string, args: string[]) => execFileSync(...command(program, args), { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
	const ctlArgs = (...args: string[]) => ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '60', ...args];
	const ctl = (...args: string[]) => run('pg_ctl', ctlArgs(...args));
	run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
	const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
	ctl('-o', options, 'start');
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		stop: async () => void (await promisify(execFile)(...command('pg_ctl', ctlArgs('-m', 'fast', 'stop')), { timeout: 60_000 })),
		start: async () => void (await promisify(execFile)(...command('pg_ctl', ctlArgs('-o', options, 'start')), { timeout: 60_000 })),
		restart: async (mode) => void (await promisify(execFile)(...command('pg_ctl', ctlArgs('-o', options, '-m', mode, 'restart')), { timeout: 60_000 })),
		destroy: () => {
			try {
				ctl('-m', 'immediate', 'stop');
			} catch {
				// already stopped
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
