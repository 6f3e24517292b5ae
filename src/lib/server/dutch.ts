import { m } from '../paraglide/messages.js';

type MessageFn = (params?: Record<string, unknown>, options?: { locale?: 'nl' | 'en' }) => string;

/**
 * A message in Dutch, whatever the reader's language cookie: feeds (open data, the register's calendar) are
 * one text for everyone (the data itself is Dutch), so a shared cache can serve them and their ETag depends on
 * the data only.
 */
export function dutch(key: string, params: Record<string, unknown> = {}): string {
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[key];
	if (typeof fn !== 'function') throw new Error(`no message ${key}`);
	return fn(params, { locale: 'nl' });
}
