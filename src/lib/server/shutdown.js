// Plain JavaScript: server.js imports it from src, while the SvelteKit bundle carries its own copy of this module.

/**
 * The two copies share one list through globalThis, as io.js shares the io: a function the bundle registers
 * here is what server.js runs when the process is told to stop.
 */
const hooksKey = Symbol.for('regioportaal.shutdown');

/** @returns {(() => Promise<void> | void)[]} */
function hooks() {
	const holder = /** @type {{ [hooksKey]?: (() => Promise<void> | void)[] }} */ (globalThis);
	return (holder[hooksKey] ??= []);
}

/**
 * Runs `fn` when the process stops gracefully (server.js on SIGTERM/SIGINT). Registered once per function.
 * @param {() => Promise<void> | void} fn
 */
export function onShutdown(fn) {
	const list = hooks();
	if (!list.includes(fn)) list.push(fn);
}

/** Runs the registered functions one after another, newest first; a failing one does not stop the rest. */
export async function runShutdown() {
	for (const fn of hooks().splice(0).reverse()) {
		try {
			await fn();
		} catch (err) {
			console.error('shutdown: a stop step failed', err);
		}
	}
}
