import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { municipalities, users } from '../../../src/lib/server/db/schema';
import { disableUser } from '../../../src/lib/server/modules/users/disable-user';
import { updateInhabitants } from '../../../src/lib/server/modules/municipalities/update-inhabitants';
import { subscribeRealtime } from '../../../src/lib/server/realtime/subscribers';
import { subscribeAccess } from '../../../src/lib/server/realtime/access';
import type { Io } from '../../../src/lib/server/realtime/socket-types';

/** A stand-in for the socket.io server, subscribed to the bus as the real one is. */
type Sent = { room: string; kind: 'emit' | 'disconnect'; event?: string; payload?: unknown };
let sent: Sent[] = [];
const fakeIo = {
	to: (room: string) => ({ emit: (event: string, payload: unknown) => sent.push({ room, kind: 'emit', event, payload }) }),
	in: (room: string) => ({ disconnectSockets: () => sent.push({ room, kind: 'disconnect' }) })
};

let t: TestDb;
let unsubscribe: (() => void)[] = [];
let admin: NewUser;
beforeAll(async () => {
	t = await testDb();
	admin = await newUser(t.db, [['administrator', null]]);
	unsubscribe = [subscribeRealtime(fakeIo as unknown as Io, t.db), subscribeAccess(fakeIo as unknown as Io, t.db)];
});
afterEach(() => {
	sent = [];
});
afterAll(async () => {
	for (const stop of unsubscribe) stop();
	await destroy(t);
});

describe('live effects after commit', () => {
	it('disabling closes the user’s live connections', async () => {
		const u = await newUser(t.db, [['verkenner', null]]);
		await disableUser(t.db, admin.actor, u.id, testOrigin);
		expect(sent).toEqual([
			{ room: `user:${u.id}`, kind: 'emit', event: 'session:ended', payload: { reason: 'disabled' } },
			{ room: `user:${u.id}`, kind: 'disconnect' }
		]);
		const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
		expect(row.disabledAt).not.toBeNull();
	});

	it('a refused disable disconnects nobody', async () => {
		await disableUser(t.db, admin.actor, admin.id, testOrigin).catch(() => {});
		expect(sent).toEqual([]);
	});

	it('a new number of inhabitants is announced to the region room', async () => {
		await updateInhabitants(t.db, admin.actor, 'leiden', { inhabitants: '130000' }, testOrigin);
		expect(sent).toEqual([{ room: 'region', kind: 'emit', event: 'region:changed', payload: { municipalityId: 'leiden' } }]);
		const [row] = await t.db.select().from(municipalities).where(eq(municipalities.id, 'leiden'));
		expect(row.inhabitants).toBe(130_000);
	});

	it('an invalid or unchanged number announces nothing', async () => {
		await updateInhabitants(t.db, admin.actor, 'leiden', { inhabitants: '-5' }, testOrigin).catch(() => {});
		await updateInhabitants(t.db, admin.actor, 'leiden', { inhabitants: 130_000 }, testOrigin);
		expect(sent).toEqual([]);
	});
});
