import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { EmbeddedDatabaseInUse, lockDataDir } from '../../../src/lib/server/db/single-node';

const dirs: string[] = [];
function folder(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'rp-lock-'));
	dirs.push(dir);
	return dir;
}
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The id of a process that has ended (a child that ran and exited). */
function endedPid(): number {
	return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout as unknown as number;
}

describe('the embedded database serves one process', () => {
	it('refuses a second process on the same folder, saying what to use instead', () => {
		const dir = folder();
		const release = lockDataDir(dir);
		expect(readFileSync(path.join(dir, 'regioportaal.lock'), 'utf8')).toBe(`${process.pid} ${hostname()}\n`);
		// Another live process holds it (this test's parent stands in for the other node).
		writeFileSync(path.join(dir, 'regioportaal.lock'), `${process.ppid} ${hostname()}\n`);
		let refusal: unknown;
		try {
			lockDataDir(dir);
		} catch (err) {
			refusal = err;
		}
		expect(refusal).toBeInstanceOf(EmbeddedDatabaseInUse);
		expect((refusal as Error).message).toMatch(/al in gebruik \(proces \d+/);
		expect((refusal as Error).message).toContain('DATABASE_URL');
		release();
	});

	it('takes over a lock left by a process that ended (a crash), and can be taken again after release', () => {
		const dir = folder();
		writeFileSync(path.join(dir, 'regioportaal.lock'), `${Number(endedPid())} ${hostname()}\n`);
		const release = lockDataDir(dir);
		expect(readFileSync(path.join(dir, 'regioportaal.lock'), 'utf8')).toBe(`${process.pid} ${hostname()}\n`);
		release();
		const again = lockDataDir(dir);
		again();
	});

	it('a lock held by a process on another host is respected (a shared folder)', () => {
		const dir = folder();
		writeFileSync(path.join(dir, 'regioportaal.lock'), `1 een-andere-machine\n`);
		expect(() => lockDataDir(dir)).toThrow(EmbeddedDatabaseInUse);
	});
});
