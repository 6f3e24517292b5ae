import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serverEnv, serverNodeFlags } from '../../../scripts/server-flags.js';

const unit = () => readFileSync('deploy/regioportaal.service', 'utf8');

/** The server's Node.js options (scripts/server-flags.js) are what every way of starting it uses. */
describe('the options the server runs with', () => {
	it('are accepted by this Node.js', () => {
		const run = spawnSync(process.execPath, [...serverNodeFlags, '-e', 'process.exit(0)'], { encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
	});

	it("give the server V8's collection, which the idle collector calls with its options", () => {
		const script = "gc({ type: 'major', execution: 'sync', flavor: 'last-resort' }); process.exit(typeof gc === 'function' ? 0 : 3)";
		const run = spawnSync(process.execPath, [...serverNodeFlags, '-e', script], { encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
	});

	it('are in the systemd unit and in npm start', () => {
		const execStart = unit().match(/^ExecStart=(.*)$/m)![1];
		expect(execStart.split(' ')).toEqual(['/usr/bin/node', ...serverNodeFlags, 'server.js']);
		expect(readFileSync('scripts/start.js', 'utf8')).toContain("[...serverNodeFlags, 'server.js']");
	});
});

/** The environment the server starts with (serverEnv, for glibc's malloc) likewise. */
describe('the environment the server runs with', () => {
	it('lets Node.js run', () => {
		// Large blocks (over the mmap threshold) allocated and freed, then a clean exit.
		const script = 'for (let i = 0; i < 50; i++) Buffer.alloc(1 << 20); process.exit(0)';
		const run = spawnSync(process.execPath, [...serverNodeFlags, '-e', script], { encoding: 'utf8', env: { ...process.env, ...serverEnv } });
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
	});

	it('is in the systemd unit (the operator’s EnvironmentFile overrides Environment=)', () => {
		const set = Object.fromEntries([...unit().matchAll(/^Environment=([^=\s]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
		for (const [name, value] of Object.entries(serverEnv)) expect(set[name], name).toBe(value);
	});

	it('is under the operator’s environment in npm start', () => {
		expect(readFileSync('scripts/start.js', 'utf8')).toMatch(/const env = \{ \.\.\.serverEnv, \.\.\.process\.env[,\s]/);
	});
});
