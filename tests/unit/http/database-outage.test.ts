import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { apiFailure } from '../../../src/lib/server/http/api-failure';
import { isRefused, runForm } from '../../../src/lib/server/http/form-failure';
import { databaseOutageError, databaseOutageHandle } from '../../../src/lib/server/http/database-outage';
import { ackForError } from '../../../src/lib/server/realtime/ack';

/** A query that met a database restart, as drizzle reports it. */
const restart = () => new DrizzleQueryError('select …', [], Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));
const bug = () => new TypeError("Cannot read properties of undefined (reading 'id')");
const dutch = 'De database is even niet bereikbaar. Probeer het over een ogenblik opnieuw; er is niets verloren gegaan.';

function event(): RequestEvent {
	return { request: new Request('http://localhost/agenda'), url: new URL('http://localhost/agenda'), route: { id: '/(app)/agenda' } } as RequestEvent;
}

/** What SvelteKit does with an error thrown while answering: handleError, then a 500. */
async function answer(err: unknown): Promise<{ res: Response; shown: App.Error | undefined }> {
	let shown: App.Error | undefined;
	const res = await databaseOutageHandle({
		event: event(),
		resolve: async (e) => {
			shown = databaseOutageError(err, e);
			return new Response('<h1>Er ging iets mis</h1>', { status: 500, headers: { 'content-type': 'text/html' } });
		}
	});
	return { res, shown };
}

describe('a request that meets an unreachable database', () => {
	it('a page: 503 with Retry-After and the Dutch "try again in a moment" message', async () => {
		const { res, shown } = await answer(restart());
		expect(res.status).toBe(503);
		expect(res.headers.get('retry-after')).toBe('5');
		expect(res.headers.get('content-type')).toBe('text/html');
		expect(shown).toEqual({ code: 'error_database_unavailable', message: dutch });
	});

	it('any other error stays a 500 without that message', async () => {
		const { res, shown } = await answer(bug());
		expect(res.status).toBe(500);
		expect(shown).toBeUndefined();
	});

	it('the API: 503 JSON with a stable code', async () => {
		const res = apiFailure(restart());
		expect(res.status).toBe(503);
		expect(await res.json()).toEqual({ code: 'error_database_unavailable', message: dutch, errors: {} });
		expect(() => apiFailure(bug())).toThrow(TypeError);
	});

	it('a form: stays filled in and says to try again', async () => {
		const res = await runForm(
			async () => {
				throw restart();
			},
			{ title: 'Concept' }
		);
		if (!isRefused(res)) throw new Error('not refused');
		expect(res.status).toBe(503);
		expect(res.data).toEqual({ message: dutch, errors: {}, values: { title: 'Concept' } });
	});

	it('a socket message: acknowledged with the code the page resends on, in the person’s language', () => {
		expect(ackForError(restart(), 'nl')).toEqual({ ok: false, code: 'error_database_unavailable', error: dutch });
		expect(ackForError(restart(), 'en')).toMatchObject({ code: 'error_database_unavailable', error: expect.stringContaining('try again in a moment') });
	});
});

describe('a session lookup (a later handle) that meets an unreachable database', () => {
	it('becomes a 503 error with the message, not a crash of the handle chain; other errors pass on untouched', async () => {
		const failing = (err: unknown) => databaseOutageHandle({ event: event(), resolve: async () => Promise.reject(err) });
		await expect(failing(restart())).rejects.toMatchObject({ status: 503, body: { code: 'error_database_unavailable', message: dutch } });
		await expect(failing(bug())).rejects.toBeInstanceOf(TypeError);
	});
});
