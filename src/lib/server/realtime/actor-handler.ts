import type { Ack } from '../../realtime/events';
import { ackForError, refusal } from './ack';
import { ValidationError } from '../errors';
import type { Actor } from '../permissions';

/** A validation failure names its first reason (e.g. `validation_comment_empty`); anything else as usual. */
export function ackFor(err: unknown, locale: string): Ack<never> {
	if (err instanceof ValidationError) {
		const key = Object.values(err.fields)[0];
		return refusal(key && key !== 'validation_invalid' ? key : 'error_socket_message', locale);
	}
	return ackForError(err, locale);
}

/**
 * Wraps handlers that run as the connected user: the result is acknowledged as `{ ok: true, data }` (or
 * `{ ok: true }` for undefined), anything thrown as a refusal. Always answers when the client gave an ack.
 */
export function actorHandler(locale: string, actor: () => Promise<Actor>) {
	return function on<T>(run: (payload: unknown, who: Actor) => Promise<T>) {
		return async (payload: unknown, ack?: unknown) => {
			const reply = typeof ack === 'function' ? (ack as (r: Ack<T>) => void) : () => {};
			try {
				const data = await run(payload, await actor());
				reply(data === undefined ? { ok: true } : { ok: true, data });
			} catch (err) {
				reply(ackFor(err, locale));
			}
		};
	};
}
