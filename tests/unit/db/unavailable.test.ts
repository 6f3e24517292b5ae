import { describe, expect, it } from 'vitest';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { isDatabaseUnavailable, unavailableCode, withinTime } from '../../../src/lib/server/db/unavailable';
import { DomainError } from '../../../src/lib/server/errors';

/** Errors shaped as the driver and Node make them. */
const coded = (code: string, message = code) => Object.assign(new Error(message), { code });
const wrapped = (cause: Error) => new DrizzleQueryError('insert into comments …', [], cause);

describe('is the database out of reach?', () => {
	it('yes: a connection that was closed, ended, destroyed, timed out, refused or reset, also wrapped by drizzle', () => {
		for (const code of ['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE']) {
			expect(isDatabaseUnavailable(coded(code)), code).toBe(true);
			expect(isDatabaseUnavailable(wrapped(coded(code))), `wrapped ${code}`).toBe(true);
		}
		// Connecting to localhost tries IPv6 and IPv4: both refused arrive as one AggregateError.
		expect(isDatabaseUnavailable(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]))).toBe(true);
	});

	it('yes: PostgreSQL shutting down, crashed, starting up, out of connections, or a connection exception', () => {
		for (const code of ['57P01', '57P02', '57P03', '53300', '08006', '08001']) expect(isDatabaseUnavailable(wrapped(coded(code))), code).toBe(true);
	});

	it('names the code that says so, for the log line, however deep it is wrapped', () => {
		expect(unavailableCode(wrapped(coded('57P01')))).toBe('57P01');
		expect(unavailableCode(new AggregateError([coded('ECONNREFUSED')]))).toBe('ECONNREFUSED');
		expect(unavailableCode(wrapped(coded('23505')))).toBeUndefined();
	});

	it('no: what was wrong with the request itself, or with the code', () => {
		for (const err of [
			wrapped(coded('23505', 'duplicate key')),
			wrapped(coded('40001', 'could not serialize')),
			wrapped(coded('42P01', 'relation does not exist')),
			new DomainError('comments_rate_limited'),
			new TypeError("Cannot read properties of undefined (reading 'id')"),
			null,
			'ECONNREFUSED'
		]) {
			expect(isDatabaseUnavailable(err)).toBe(false);
		}
	});

	it('a round trip that never answers is given up after its time limit, as out of reach', async () => {
		const never = new Promise<void>(() => {});
		const err = await withinTime(never, 10).catch((e: unknown) => e);
		expect(isDatabaseUnavailable(err)).toBe(true);
		await expect(withinTime(Promise.resolve('ok'), 10)).resolves.toBe('ok');
	});
});
