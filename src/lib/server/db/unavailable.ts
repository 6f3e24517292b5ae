/**
 * Whether a failure means the database could not be reached (restarting, down, connection lost) rather than
 * that the request itself was wrong: such a request may simply be tried again in a moment.
 */

/** The driver's and the operating system's names for a connection that failed or was lost. */
const connectionCodes = new Set([
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED',
	'CONNECT_TIMEOUT',
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENOTFOUND',
	'EAI_AGAIN'
]);

/**
 * PostgreSQL's own: class 08 (connection exception), the server shutting down or crashed (57P01, 57P02),
 * starting up or recovering (57P03), too many connections (53300).
 */
const serverCodes = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/** Marks a round trip that took too long (a health check's own time limit). */
export class DatabaseTimeout extends Error {
	readonly code = 'CONNECT_TIMEOUT';
	constructor(ms: number) {
		super(`database did not answer within ${ms} ms`);
	}
}

export function isDatabaseUnavailable(err: unknown): boolean {
	return unavailableCode(err) !== undefined;
}

/** The code that says the database could not be reached (for the log line), or undefined if none does. */
export function unavailableCode(err: unknown): string | undefined {
	const seen = new Set<unknown>();
	const queue: unknown[] = [err];
	while (queue.length) {
		const e = queue.shift() as { code?: unknown; cause?: unknown; errors?: unknown } | null | undefined;
		if (!e || typeof e !== 'object' || seen.has(e)) continue;
		seen.add(e);
		if (typeof e.code === 'string' && (connectionCodes.has(e.code) || serverCodes.test(e.code))) return e.code;
		// drizzle wraps the driver's error as `cause`; a failed connect to several addresses is an AggregateError.
		queue.push(e.cause);
		if (Array.isArray(e.errors)) queue.push(...e.errors);
	}
	return undefined;
}

/** `promise`, or a `DatabaseTimeout` after `ms`: a check that must answer even when the database hangs. */
export function withinTime<T>(promise: Promise<T>, ms: number): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new DatabaseTimeout(ms)), ms)));
	return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}
