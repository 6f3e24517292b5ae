import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { authSessions } from '../../../src/lib/server/db/schema';
import { sessionWatch } from '../../../src/lib/server/realtime/session-watch';
import type { Socket } from 'socket.io-client';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin } from '../../fixtures/factories';
import { client, sessionCookie, startRealtimeServer, type RealtimeServer } from '../../fixtures/realtime-server';
import { logout } from '../../../src/lib/server/auth/logout';
import { event, publish } from '../../../src/lib/server/bus';

let t: TestDb;
let server: RealtimeServer;
beforeAll(async () => {
	t = await testDb();
	server = await startRealtimeServer(t);
});
afterAll(async () => {
	await server.close();
	await destroy(t);
});

const own = () => ({ origin: server.url });
const emit = (s: Socket, event: string, payload: unknown) =>
	new Promise<{ ok: boolean; code?: string; error?: string }>((resolve) => s.emit(event, payload, resolve));
const ended = (s: Socket) =>
	new Promise<{ reason: string; disconnected: boolean }>((resolve) => {
		let reason = '';
		s.on('session:ended', (p: { reason: string }) => (reason = p.reason));
		s.on('disconnect', () => resolve({ reason, disconnected: true }));
	});

describe('socket handshake', () => {
	it('refuses a connection without a session cookie', async () => {
		await expect(client(server.url, own())).rejects.toThrow();
	});

	it('refuses a connection from a foreign Origin, even with a valid cookie', async () => {
		const u = await newUser(t.db, [['meelezer', 'leiden']]);
		const { cookie } = await sessionCookie(t, u.id);
		await expect(client(server.url, { origin: 'http://evil.example', cookie })).rejects.toThrow();
		await expect(client(server.url, { cookie })).rejects.toThrow();
	});

	it('refuses a session that still owes its second factor', async () => {
		const u = await newUser(t.db, [['collegelid', 'leiden']]);
		const { cookie } = await sessionCookie(t, u.id);
		await expect(client(server.url, { ...own(), cookie })).rejects.toThrow();
	});

	it('accepts the page cookie from its own origin and answers every command', async () => {
		const u = await newUser(t.db, [['meelezer', 'leiden']]);
		const { cookie } = await sessionCookie(t, u.id);
		const s = await client(server.url, { ...own(), cookie });
		expect(await emit(s, 'room:join', { room: 'municipality:leiden' })).toEqual({ ok: true });
		const bad = await emit(s, 'room:join', { room: '<script>' });
		expect(bad).toMatchObject({ ok: false, code: 'error_socket_message' });
		expect(bad.error).toBe('Dit bericht werd niet begrepen.');
		expect(await emit(s, 'bestaat:niet', { x: 1 })).toMatchObject({ ok: false, code: 'error_socket_message' });
		expect(s.connected).toBe(true);
		s.close();
	});

	it('refuses joining a room the role may not read', async () => {
		const u = await newUser(t.db, []);
		const { cookie } = await sessionCookie(t, u.id);
		const s = await client(server.url, { ...own(), cookie });
		expect(await emit(s, 'room:join', { room: 'item:abc' })).toMatchObject({ ok: false, code: 'error_forbidden_action' });
		s.close();
	});

	it('closes the sockets of a login at logout, and only those', async () => {
		const u = await newUser(t.db, [['meelezer', 'leiden']]);
		const a = await sessionCookie(t, u.id);
		const b = await sessionCookie(t, u.id);
		const sa = await client(server.url, { ...own(), cookie: a.cookie });
		const sb = await client(server.url, { ...own(), cookie: b.cookie });
		const gone = ended(sa);
		await logout(t.db, { userId: u.id, name: u.name }, a.sessionId, testOrigin);
		expect(await gone).toEqual({ reason: 'logout', disconnected: true });
		expect(sb.connected).toBe(true);
		await expect(client(server.url, { ...own(), cookie: a.cookie })).rejects.toThrow();
		sb.close();
	});

	it('closes every socket of a disabled user', async () => {
		const u = await newUser(t.db, [['meelezer', 'leiden']]);
		const s1 = await client(server.url, { ...own(), cookie: (await sessionCookie(t, u.id)).cookie });
		const s2 = await client(server.url, { ...own(), cookie: (await sessionCookie(t, u.id)).cookie });
		const both = Promise.all([ended(s1), ended(s2)]);
		await publish([event('user.disabled', { userId: u.id })]);
		expect(await both).toEqual([
			{ reason: 'disabled', disconnected: true },
			{ reason: 'disabled', disconnected: true }
		]);
	});

	it('ends a live connection whose session expired while the page stayed open', async () => {
		const u = await newUser(t.db, [['meelezer', 'leiden']]);
		const { cookie, sessionId } = await sessionCookie(t, u.id);
		const s = await client(server.url, { ...own(), cookie });
		const gone = ended(s);
		await t.db
			.update(authSessions)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(authSessions.id, sessionId));
		const usual = sessionWatch.recheckMs;
		sessionWatch.recheckMs = 0;
		try {
			s.emit('room:join', { room: 'municipality:leiden' }, () => {});
			expect(await gone).toEqual({ reason: 'expired', disconnected: true });
		} finally {
			sessionWatch.recheckMs = usual;
		}
	});
});
