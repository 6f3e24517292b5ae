import { m } from '../paraglide/messages.js';

type MessageFn = (params?: Record<string, unknown>) => string;

/**
 * Translates a message key that arrived as data (a DomainError, a validation issue). Server code only: looking a
 * message up by its name keeps every message of both languages in the bundle, which the server does not mind and a
 * browser chunk must not carry (bench/browser-js.js checks). Browser code imports the messages it shows by name.
 */
export function t(key: string, params: Record<string, unknown> = {}): string {
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[key];
	return typeof fn === 'function' ? fn(params) : m.error_generic();
}

/** Translates every value of a field → message-key map. */
export function translateFields(fields: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, t(v)]));
}
