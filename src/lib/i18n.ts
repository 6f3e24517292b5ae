import { m } from './paraglide/messages.js';

type MessageFn = (params?: Record<string, unknown>) => string;

/** Translates a message key that arrived as data (a DomainError, a validation issue, a socket ack). */
export function t(key: string, params: Record<string, unknown> = {}): string {
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[key];
	return typeof fn === 'function' ? fn(params) : m.error_generic();
}

/** Translates every value of a field → message-key map. */
export function translateFields(fields: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, t(v)]));
}
