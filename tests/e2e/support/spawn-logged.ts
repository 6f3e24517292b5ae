import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/**
 * A child process of a test whose output is kept (to show when something fails) and that never outlives the
 * test run, even when the run is interrupted.
 */
export function spawnLogged(command: string, args: string[], options: SpawnOptions): { child: ChildProcess; output: () => string } {
	const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
	const killOnExit = () => child.kill('SIGKILL');
	process.once('exit', killOnExit);
	child.once('exit', () => process.off('exit', killOnExit));
	let out = '';
	child.stdout!.on('data', (d) => (out += d));
	child.stderr!.on('data', (d) => (out += d));
	return { child, output: () => out };
}
