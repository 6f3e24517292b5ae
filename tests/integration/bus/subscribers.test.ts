/**
 * The bus: every subscriber receives exactly the events of committed work, after the commit, and nothing
 * from a transaction that rolled back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, type NewUser } from '../../fixtures/factories';
import { event, inTransaction, subscribe, type DomainEvent, type DomainEventName } from '../../../src/lib/server/bus';
import { municipalities } from '../../../src/lib/server/db/schema';
import { subscribeRealtime } from '../../../src/lib/server/realtime/subscribers';
import { subscribeAccess } from '../../../src/lib/server/realtime/access';
import type { Io } from '../../../src/lib/server/realtime/socket-types';

let t: TestDb;
let member: NewUser;
beforeAll(async () => {
	t = await testDb();
	member = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
});
afterAll(() => destroy(t));

/** A socket.io stand-in that records what a subscriber sends, and to which room. */
function recordingIo() {
	const sent: string[] = [];
	const target = (room: string) => {
		const t = {
			emit: (name: string) => sent.push(`${room} ${name}`),
			except: () => t,
			disconnectSockets: () => sent.push(`${room} disconnect`),
			fetchSockets: async () => []
		};
		return t;
	};
	return { io: { to: target, in: target } as unknown as Io, sent };
}

/** One transaction that writes a row, adds the events, then commits or fails. */
async function work(events: DomainEvent[], fail: boolean): Promise<void> {
	await inTransaction(t.db, async (tx, sink) => {
		await tx.update(municipalities).set({ inhabitants: 100_001 }).where(eq(municipalities.id, 'zoeterwoude'));
		sink.add(...events);
		if (fail) throw new Error('afgebroken');
	}).catch((err: Error) => expect(err.message).toBe('afgebroken'));
}

const subscribers: { name: string; start: (io: Io) => () => void; events: () => DomainEvent[]; expected: () => string[] }[] = [
	{
		name: 'socket rooms',
		start: (io) => subscribeRealtime(io, t.db),
		events: () => [event('municipality.updated', { municipalityId: 'zoeterwoude' })],
		expected: () => ['region region:changed']
	},
	{
		name: 'rights and logins',
		start: (io) => subscribeAccess(io, t.db),
		events: () => [event('user.disabled', { userId: member.id }), event('auth.sessions_ended', { sessionIds: ['s1'], reason: 'logout' })],
		expected: () => [`user:${member.id} session:ended`, `user:${member.id} disconnect`, 'auth-session:s1 session:ended', 'auth-session:s1 disconnect']
	}
];

describe.each(subscribers)('bus subscriber: $name', ({ start, events, expected }) => {
	it('receives the events of committed work, once, in order', async () => {
		const { io, sent } = recordingIo();
		const stop = start(io);
		await work(events(), false);
		stop();
		expect(sent).toEqual(expected());
	});

	it('receives nothing from a rolled-back transaction', async () => {
		const { io, sent } = recordingIo();
		const stop = start(io);
		await work(events(), true);
		stop();
		expect(sent).toEqual([]);
	});
});

describe('the bus itself', () => {
	it('publishes after the commit: a subscriber already reads what the transaction wrote', async () => {
		const seen: { name: DomainEventName; inhabitants: number }[] = [];
		const stop = subscribe('*', 'test', async (_data, name) => {
			const [row] = await t.db.select().from(municipalities).where(eq(municipalities.id, 'leiderdorp'));
			seen.push({ name, inhabitants: row.inhabitants });
		});
		await inTransaction(t.db, async (tx, sink) => {
			await tx.update(municipalities).set({ inhabitants: 28_123 }).where(eq(municipalities.id, 'leiderdorp'));
			sink.add(event('municipality.updated', { municipalityId: 'leiderdorp' }), event('user.access_changed', { userId: member.id }));
		});
		stop();
		expect(seen).toEqual([
			{ name: 'municipality.updated', inhabitants: 28_123 },
			{ name: 'user.access_changed', inhabitants: 28_123 }
		]);
	});

	it('a failing subscriber does not stop the others, nor fail the committed command', async () => {
		const seen: string[] = [];
		const stops = [
			subscribe('municipality.updated', 'broken', () => {
				throw new Error('kapot');
			}),
			subscribe('municipality.updated', 'test', (e) => void seen.push(e.municipalityId))
		];
		const result = await inTransaction(t.db, async (_tx, sink) => {
			sink.add(event('municipality.updated', { municipalityId: 'oegstgeest' }));
			return 'vastgelegd';
		});
		for (const stop of stops) stop();
		expect([result, seen]).toEqual(['vastgelegd', ['oegstgeest']]);
	});

	it('subscribing again under the same name replaces the handler', async () => {
		const seen: string[] = [];
		const first = subscribe('municipality.updated', 'twice', () => void seen.push('eerste'));
		const second = subscribe('municipality.updated', 'twice', () => void seen.push('tweede'));
		await inTransaction(t.db, async (_tx, sink) => sink.add(event('municipality.updated', { municipalityId: 'leiden' })));
		first();
		second();
		expect(seen).toEqual(['tweede']);
	});
});
