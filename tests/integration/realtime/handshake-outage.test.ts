import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server, type Socket as TcpSocket } from 'node:net';
import type { AddressInfo } from 'node:net';
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
/** A "database" that accepts connections and never answers (a server hanging in a fail-over). */
let silent: Server;
const held: TcpSocket[] = [];
let hanging: DbHandle;
let hangingServer: RealtimeServer;
beforeAll(async () => {
	t = await testDb();
	unreachable = await createDb({ url: 'postgres://postgres@127.0.0.1:1/niets', max: 1 });
	server = await startRealtimeServer({ ...t, db: unreachable.db } as TestDb);
	silent = createServer((socket) => void held.push(socket));
	await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
	hanging = await createDb({ url: `postgres://postgres@127.0.0.1:${(silent.address() as AddressInfo).port}/niets`, max: 1 });
	hangingServer = await startRealtimeServer({ ...t, db: hanging.db } as TestDb);
});
afterAll(async () => {
	await server.close();
	await hangingServer.close();
	await unreachable.close();
	for (const socket of held) socket.destroy();
	silent.close();
	await hanging.close().catch(() => {});
	await destroy(t);
});

describe('socket handshake while the database is away', () => {
	it('refuses a valid session cookie with "try again", not as a login that is over', async () => {
		const u = await newUser(t.db, [['meelezer', 'leiden']]);
		const { cookie } = await sessionCookie(t, u.id);
		await expect(client(server.url, { origin: server.url, cookie })).rejects.toThrow(handshakeRefusal.tryAgain);
	});

	it('answers within its time limit when the database hangs: "try again", never a handshake left pending', async () => {
		const u = await newUser(t.db, [['meelezer', 'leiden']]);
		const { cookie } = await sessionCookie(t, u.id);
		await expect(client(hangingServer.url, { origin: hangingServer.url, cookie })).rejects.toThrow(handshakeRefusal.tryAgain);
	}, 15_000);

	it('still refuses a handshake without any session cookie as a login that is over', async () => {
		await expect(client(server.url, { origin: server.url })).rejects.toThrow(handshakeRefusal.loginOver);
	});
});
