import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/** Thrown when a second process tries to open an embedded database that is in use. */
export class EmbeddedDatabaseInUse extends Error {
	override name = 'EmbeddedDatabaseInUse';
}

/** Whether a process with this id runs on this machine (signal 0 only asks). */
function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** The process holding the lock file, or null when the file is gone, unreadable, or left by a process that ended. */
function holder(file: string): { pid: number; host: string } | null {
	try {
		const [pid, host] = readFileSync(file, 'utf8').trim().split(' ');
		const id = Number(pid);
		// Our own pid in it can only be a dead process's number come round again: we have not locked yet.
		if (!Number.isInteger(id) || (host === hostname() && (id === process.pid || !alive(id)))) return null;
		return { pid: id, host };
	} catch {
		return null;
	}
}

/**
 * The embedded database is one process's own files: a second app node (or a second `npm start`) on the same
 * folder would corrupt them. The first process writes `regioportaal.lock` (its pid and host) with an exclusive
 * create; another refuses to start, saying why and what to do instead. A lock left by a process that ended is
 * taken over. Returns the release.
 */
export function lockDataDir(dataDir: string): () => void {
	const file = path.join(dataDir, 'regioportaal.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(file, 'wx');
			writeSync(fd, `${process.pid} ${hostname()}\n`);
			closeSync(fd);
			let released = false;
			return () => {
				if (released) return;
				released = true;
				try {
					unlinkSync(file);
				} catch {
					// already gone
				}
			};
		} catch (err) {
			if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
			const owner = holder(file);
			if (owner) {
				throw new EmbeddedDatabaseInUse(
					`De ingebedde database in ${dataDir} is al in gebruik (proces ${owner.pid} op ${owner.host}). ` +
						'De ingebedde database is voor één app-node; voor meer nodes: zet DATABASE_URL naar een PostgreSQL-server ' +
						'(zie docs/deployment.md). The embedded database is already in use by another process; it serves one node only.'
				);
			}
			try {
				unlinkSync(file);
			} catch {
				// another process took it over first: the next attempt says so
			}
		}
	}
	throw new EmbeddedDatabaseInUse(`De ingebedde database in ${dataDir} is al in gebruik.`);
}
