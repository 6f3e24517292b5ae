// Plain JavaScript: used by server.js and by the embedded database's worker thread (pglite-worker.js).
//
// A burst of work (page loads, a co-editing session) leaves V8's heap grown: mostly empty pages that its own
// memory reducer gives back only after a long quiet spell, or not at all when a timer keeps running now and
// then. On a small VM that is resident memory the portal does not use (bench/README, memory: 345–640 MB after
// 30 s of page loads, against about 250 MB before). So once a thread has been busy and then quiet for a few
// seconds, it runs one full garbage collection, which compacts the heap and returns its empty pages to the
// system. Nothing runs while the thread keeps working, nor on a server that does little (a health check, a job
// queue's poll, a person reading a page now and then: V8 copes with that on its own).

const INTERVAL_MS = 5_000;
/** Fewer units of work than this in an interval is quiet: a health check, a job queue's poll, one person reading. */
const BUSY_FROM = 20;

/**
 * Returns `touch()`, to be called on each unit of work (a request, a message). After an interval with at least
 * `busyFrom` units, the first quiet interval ends with one collection. `collect` is V8's `gc`, present when the
 * process runs with `--expose-gc` (scripts/server-flags.js); without it the collector does nothing.
 * @param {{ intervalMs?: number, busyFrom?: number, collect?: ((options: object) => void) | undefined }} [options]
 */
export function idleCollector({ intervalMs = INTERVAL_MS, busyFrom = BUSY_FROM, collect = /** @type {any} */ (globalThis).gc } = {}) {
	if (typeof collect !== 'function') return { touch() {}, stop() {} };
	let units = 0;
	let grown = false;
	const timer = setInterval(() => {
		if (units >= busyFrom) grown = true;
		else if (grown) {
			grown = false;
			// A major collection that also shrinks the heap: what V8 does when memory runs low.
			collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
		}
		units = 0;
	}, intervalMs);
	timer.unref();
	return {
		touch() {
			units++;
		},
		stop() {
			clearInterval(timer);
		}
	};
}
