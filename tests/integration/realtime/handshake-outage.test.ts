import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../../src/lib/server/db';
import { handshakeRefusal } from '../../../src/lib/realtime/handshake';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser } from '../../fixtures/factories';
import { client, sessionCookie, startRealtimeServer, type RealtimeServer } from '../../fixtures/realtime-server';

/**
 * The handshake while the database cannot be reached (a restart): the login cannot be checked, which the
 * page must be able to tell from a login that is over (it tries again instead of going to the login page).
 * The server's handlers get a database on a port where nothing listens; sessions are made in the real one.
 */
let t: TestDb;
let unreachable: DbHandle;
let server: RealtimeServer;
beforeAll(async () => {
	t = await testDb();
	unreachable = await createDb({ url: 'postgres://postgres@127.0.0.1:1/niets', max: 1 });
	server = await startRealtimeServer({ ...t, db: unreachable.db } as TestDb);
});
afterAll(async () => {
	await server.close();
	await unreachable.close();
	await destroy(t);
});

describe('socket handshake while the database is away', () => {
	it('refuses a valid session cookie with "try again", not as a login that is over', async () => {
		const u = await newUser(t.db, [['meelezer', 'leiden']]);
		const { cookie } = await sessionCookie(t, u.id);
		await expect(client(server.url, { origin: server.url, cookie })).rejects.toThrow(handshakeRefusal.tryAgain);
	});

	it('still refuses a handshake without any session cookie as a login that is over', async () => {
		await expect(client(server.url, { origin: server.url })).rejects.toThrow(handshakeRefusal.loginOver);
	});
});
