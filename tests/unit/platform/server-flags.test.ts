import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serverNodeFlags } from '../../../scripts/server-flags.js';

/** The server's Node.js options (scripts/server-flags.js) are what every way of starting it uses. */
describe('the options the server runs with', () => {
	it('are accepted by this Node.js', () => {
		const run = spawnSync(process.execPath, [...serverNodeFlags, '-e', 'process.exit(0)'], { encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
	});

	it('are in the systemd unit and in npm start', () => {
		const execStart = readFileSync('deploy/regioportaal.service', 'utf8').match(/^ExecStart=(.*)$/m)![1];
		expect(execStart.split(' ')).toEqual(['/usr/bin/node', ...serverNodeFlags, 'server.js']);
		expect(readFileSync('scripts/start.js', 'utf8')).toContain("[...serverNodeFlags, 'server.js']");
	});
});
