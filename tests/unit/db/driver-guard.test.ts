import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { containDriverFault, isDriverClosedSocketWrite } from '../../../src/lib/server/db/driver-guard';

/** The error exactly as the driver throws it when its deferred flush meets a connection that was closed. */
function driverFault(file = 'file:///srv/app/node_modules/postgres/src/connection.js:255:22'): TypeError {
	const err = new TypeError("Cannot read properties of null (reading 'write')");
	err.stack = [`TypeError: ${err.message}`, `    at Immediate.nextWrite (${file})`, '    at process.processImmediate (node:internal/timers:483:21)'].join('\n');
	return err;
}

describe('recognising the driver fault', () => {
	it('the deferred write of the driver, in its ESM or CommonJS build', () => {
		expect(isDriverClosedSocketWrite(driverFault())).toBe(true);
		expect(isDriverClosedSocketWrite(driverFault('/srv/app/node_modules/postgres/cjs/src/connection.js:253:22'))).toBe(true);
	});

	it('nothing else: the same message thrown by other code, another message, another kind of error', () => {
		const ours = new TypeError("Cannot read properties of null (reading 'write')");
		expect(isDriverClosedSocketWrite(ours)).toBe(false);
		const elsewhere = driverFault('/srv/app/build/server/chunks/comments.js:10:5');
		expect(isDriverClosedSocketWrite(elsewhere)).toBe(false);
		const other = driverFault();
		other.message = "Cannot read properties of null (reading 'end')";
		expect(isDriverClosedSocketWrite(other)).toBe(false);
		const notType = Object.assign(new Error("Cannot read properties of null (reading 'write')"), { stack: driverFault().stack });
		expect(isDriverClosedSocketWrite(notType)).toBe(false);
	});
});

/** What Node does with an exception nobody caught: hands it to the listeners. */
const raise = (err: Error) => (process.emit as (event: string, ...args: unknown[]) => boolean)('uncaughtException', err, 'uncaughtException');

describe('the process guard', () => {
	let others: NodeJS.UncaughtExceptionListener[] = [];
	beforeEach(() => {
		// Alone, as in server.js: the test runner's own listener would decide otherwise.
		others = process.listeners('uncaughtException');
		for (const l of others) process.off('uncaughtException', l);
	});
	afterEach(() => {
		for (const l of process.listeners('uncaughtException')) process.off('uncaughtException', l);
		for (const l of others) process.on('uncaughtException', l);
		vi.restoreAllMocks();
	});

	it('replaces the pool on the driver fault and lets the process run; any other uncaught error still ends it', () => {
		const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		const recycle = vi.fn();
		const stop = containDriverFault(recycle);
		// The listener is installed once, whatever the number of pools.
		const second = containDriverFault(() => {});
		second();
		expect(process.listenerCount('uncaughtException')).toBe(1);

		raise(driverFault());
		expect(recycle).toHaveBeenCalledTimes(1);
		expect(exit).not.toHaveBeenCalled();
		expect(log).toHaveBeenCalledTimes(1);

		raise(new TypeError('something else'));
		expect(recycle).toHaveBeenCalledTimes(1);
		expect(exit).toHaveBeenCalledWith(1);

		// No pool left to replace (closed): even the driver fault ends the process, as before.
		stop();
		exit.mockClear();
		raise(driverFault());
		expect(exit).toHaveBeenCalledWith(1);
	});
});
