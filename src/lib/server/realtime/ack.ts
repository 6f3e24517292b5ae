import { ZodError } from 'zod';
import type { Ack } from '../../realtime/events';
import { DomainError, ValidationError } from '../errors';
import { ForbiddenError, type Actor } from '../permissions';
import { isDatabaseUnavailable } from '../db/unavailable';
import { m } from '../../paraglide/messages.js';
import { isLocale, type Locale } from '../../paraglide/runtime.js';
import { forbiddenTextPaths } from '../../validation/text';
import { logError } from '../error-log';

type MessageFn = (params: Record<string, unknown>, options: { locale: Locale }) => string;

/** A refusal for a socket client: a stable code for programs and a message in the user's language. */
export function refusal(code: string, locale: string, params: Record<string, unknown> = {}): Ack<never> {
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[code];
	const lang: Locale = isLocale(locale) ? locale : 'nl';
	return { ok: false, code, error: fn ? fn(params, { locale: lang }) : m.error_server({}, { locale: lang }) };
}

/**
 * Maps anything a handler threw to an acknowledgement; the server never crashes on a bad message. A
 * validation failure names its first reason (e.g. `validation_comment_empty`).
 */
export function ackForError(err: unknown, locale: string): Ack<never> {
	if (err instanceof ZodError) return refusal('error_socket_message', locale);
	if (err instanceof ForbiddenError) return refusal('error_forbidden_action', locale);
	if (err instanceof ValidationError) {
		const key = Object.values(err.fields)[0];
		return refusal(key && key !== 'validation_invalid' ? key : 'error_socket_message', locale);
	}
	if (err instanceof DomainError) return refusal(err.key, locale, err.params);
	// Briefly out of reach (a restart): the client sends the same message again after a moment.
	if (isDatabaseUnavailable(err)) return refusal('error_database_unavailable', locale);
	return serverFault(err, locale);
}

/**
 * A fault in a handler: one line in the log with an id (error-log.ts, as for a page), and that id in the
 * message. The code stays `error_server`, so clients keep treating it as "try again later".
 */
export function serverFault(err: unknown, locale: string, where = 'socket'): Ack<never> {
	const id = logError(err, where);
	const lang: Locale = isLocale(locale) ? locale : 'nl';
	return { ok: false, code: 'error_server', error: m.error_server_with_id({ id }, { locale: lang }) };
}

/** Sends the reply through the acknowledgement callback, when the client gave one. */
export function reply<T>(ack: unknown, answer: Ack<T>): void {
	if (typeof ack === 'function') (ack as (r: Ack<T>) => void)(answer);
}

/** A handler's own answer (e.g. a refusal it decided on), and what to do once it went out. */
export class Answered<T> {
	constructor(
		readonly answer: Ack<T>,
		readonly after?: () => void
	) {}
}

/**
 * THE wrapper of every socket handler: the result is acknowledged as `{ ok: true, data }` (or `{ ok: true }`
 * for undefined, or the handler's own `Answered`), anything thrown as a refusal in the person's language
 * (`mapError` may name the refusals of its own protocol). Always answers when the client gave an
 * acknowledgement callback; never throws into socket.io.
 */
export function socketHandler(locale: string, mapError: (err: unknown, locale: string) => Ack<never> = ackForError) {
	return function on<T>(run: (payload: unknown) => Promise<T | Answered<T>>) {
		return async (payload: unknown, ack?: unknown) => {
			try {
				// The same rule as parse(): no text of any message may hold NUL, control characters or half characters.
				if (forbiddenTextPaths(payload).length) return reply(ack, refusal('validation_forbidden_characters', locale));
				const out = await run(payload);
				if (out instanceof Answered) {
					reply(ack, out.answer);
					out.after?.();
				} else reply(ack, out === undefined ? { ok: true } : { ok: true, data: out });
			} catch (err) {
				reply(ack, mapError(err, locale));
			}
		};
	};
}

/** The same wrapper for handlers that run as the connected person (loaded afresh for every message). */
export function actorHandler(locale: string, actor: () => Promise<Actor>) {
	const on = socketHandler(locale);
	return <T>(run: (payload: unknown, who: Actor) => Promise<T>) => on(async (payload) => run(payload, await actor()));
}
