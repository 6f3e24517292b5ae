/**
 * Containment of one known fault of the PostgreSQL driver (postgres.js 3.x): when the database closes a
 * connection while a small write to it is still queued, the driver's deferred flush (`nextWrite` in its
 * connection.js) writes to a socket it has already dropped and throws `TypeError: Cannot read properties of
 * null (reading 'write')` from a timer. No caller can catch that, so Node would end the whole process on a
 * database restart.
 *
 * The guard is narrow on purpose: it recognises only that error (its type, its exact message and its origin
 * in the driver's file and function); every other uncaught exception still ends the process as Node does. The
 * connection it came from is left unusable (a stale write buffer, a flush that is never scheduled again, a
 * query that never settles), so the pools are replaced: the next query opens fresh connections and the old
 * pool is ended, which settles the stuck query with a connection error the caller can answer.
 */
const key = Symbol.for('regioportaal.driver-guard');
type Holder = { [key]?: Set<() => void> };

const driverFrame = /\bnextWrite\b.*[\\/]postgres[\\/](?:cjs[\\/])?src[\\/]connection\.(?:c|m)?js/;

/** Exactly the driver's write to a dropped socket. */
export function isDriverClosedSocketWrite(err: unknown): boolean {
	if (!(err instanceof TypeError) || err.message !== "Cannot read properties of null (reading 'write')") return false;
	// The first frame is where it was thrown: it must be the driver's flush, not our code or another library.
	const top = err.stack?.split('\n').find((line) => line.trimStart().startsWith('at '));
	return !!top && driverFrame.test(top);
}

function onUncaught(err: unknown): void {
	const recyclers = (globalThis as Holder)[key];
	if (isDriverClosedSocketWrite(err) && recyclers?.size) {
		console.error('database: a connection closed during a write (known driver fault, contained); the connection pool is replaced');
		for (const recycle of recyclers) recycle();
		return;
	}
	// Someone else (a test runner) listens too: it decides. Alone, do what Node does without a listener.
	if (process.listenerCount('uncaughtException') > 1) return;
	console.error(err);
	process.exit(1);
}

/**
 * Calls `recycle` (replace the connection pool) whenever the driver fault is caught; installs the process
 * listener once, shared by every copy of this module. Returns the way to stop.
 */
export function containDriverFault(recycle: () => void): () => void {
	const holder = globalThis as Holder;
	if (!holder[key]) {
		holder[key] = new Set();
		process.on('uncaughtException', onUncaught);
	}
	const recyclers = holder[key];
	recyclers.add(recycle);
	return () => void recyclers.delete(recycle);
}
