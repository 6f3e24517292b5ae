import { ZodError } from 'zod';
import type { Ack } from '../../realtime/events';
import { DomainError } from '../errors';
import { ForbiddenError } from '../permissions';
import { m } from '../../paraglide/messages.js';
import { isLocale, type Locale } from '../../paraglide/runtime.js';

type MessageFn = (params: Record<string, unknown>, options: { locale: Locale }) => string;

/** A refusal for a socket client: a stable code for programs and a message in the user's language. */
export function refusal(code: string, locale: string, params: Record<string, unknown> = {}): Ack<never> {
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[code];
	const lang: Locale = isLocale(locale) ? locale : 'nl';
	return { ok: false, code, error: fn ? fn(params, { locale: lang }) : m.error_server({}, { locale: lang }) };
}

/** Maps anything a handler threw to an acknowledgement; the server never crashes on a bad message. */
export function ackForError(err: unknown, locale: string): Ack<never> {
	if (err instanceof ZodError) return refusal('error_socket_message', locale);
	if (err instanceof ForbiddenError) return refusal('error_forbidden_action', locale);
	if (err instanceof DomainError) return refusal(err.key, locale, err.params);
	console.error('realtime handler failed', err);
	return refusal('error_server', locale);
}

/** Runs a handler and always answers through the ack callback, when the client gave one. */
export async function answer<T>(ack: unknown, locale: string, run: () => Promise<Ack<T>>): Promise<void> {
	const reply = typeof ack === 'function' ? (ack as (r: Ack<T>) => void) : () => {};
	try {
		reply(await run());
	} catch (err) {
		reply(ackForError(err, locale));
	}
}
