import { randomBytes } from 'node:crypto';

/** How many stack frames a fault's one log entry keeps: enough to find the line, short enough to read. */
const framesKept = 8;
/** Faults whose stack was written already (by signature → the id of that first entry), newest last. */
const seen = new Map<string, string>();
const seenMax = 200;

/** Control characters (a newline from a stranger's path) would forge log lines: shown as `?`. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, '?').slice(0, 500);

/** A short random id the person can quote and the operator can find in the log. */
export function newErrorId(): string {
	return randomBytes(4).toString('hex');
}

/** The error and what caused it (drizzle's "Failed query" says nothing without the driver's error inside). */
function describe(err: unknown): string {
	if (!(err instanceof Error)) return String(err);
	const code = (err as { code?: unknown }).code;
	const own = `${err.name}: ${err.message}${typeof code === 'string' ? ` (${code})` : ''}`;
	return err.cause && err.cause !== err ? `${own}; cause: ${describe(err.cause)}` : own;
}

function frames(err: unknown): string[] {
	if (!(err instanceof Error) || !err.stack) return [];
	return err.stack
		.split('\n')
		.slice(1)
		.map((l) => l.trim())
		.filter((l) => l.startsWith('at '))
		.slice(0, framesKept);
}

/** A fault's stack once per kind (the same message at the same place), later ones point back at it. */
function faultLine(id: string, err: unknown): string {
	const stack = frames(err);
	const signature = `${describe(err)} ${stack[0] ?? ''}`;
	const first = seen.get(signature);
	if (first) return `${oneLine(describe(err))} (stack: see fout ${first})`;
	seen.set(signature, id);
	if (seen.size > seenMax) seen.delete(seen.keys().next().value!);
	return oneLine([describe(err), ...stack].join(' | '));
}

/**
 * Logs a failed request or message as ONE line with an id, and returns the id for the person to see.
 * A refusal of the request itself (status below 500: a stranger's odd input, an unknown page) gets the
 * reason only; a server fault (500) also its stack, compactly on the same line, and only the first time
 * that fault is seen, so a stranger repeating a request cannot flood the log.
 */
export function logError(err: unknown, where: string, status = 500): string {
	const id = newErrorId();
	const head = `fout ${id} ${status} ${oneLine(where)}`;
	if (status < 500) console.warn(`${head}: ${oneLine(describe(err))}`);
	else console.error(`${head}: ${faultLine(id, err)}`);
	return id;
}
