/**
 * The bus: every subscriber receives exactly the events of committed work, after the commit, and nothing
 * from a transaction that rolled back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, type NewUser } from '../../fixtures/factories';
import { event, inTransaction, subscribe, subscribeInTransaction, type DomainEvent, type DomainEventName } from '../../../src/lib/server/bus';
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

describe('in-transaction subscribers', () => {
	it('write with the command, commit or roll back with it, and their events are published after the commit', async () => {
		const seen: string[] = [];
		let failAfterWriting = true;
		const stopAfter = subscribe('user.disabled', 'test-tx-after', (e) => void seen.push(`after:${e.userId}`));
		const stopIn = subscribeInTransaction('municipality.updated', 'test-tx', async (tx, e) => {
			await tx
				.update(municipalities)
				.set({ name: `${e.municipalityId} (bijgewerkt)` })
				.where(eq(municipalities.id, e.municipalityId));
			seen.push(`in:${e.municipalityId}`);
			if (failAfterWriting) throw new Error('refused');
			return [event('user.disabled', { userId: member.id })];
		});
		const run = () =>
			inTransaction(t.db, async (_tx, sink) => {
				sink.add(event('municipality.updated', { municipalityId: 'zoeterwoude' }));
			});
		const nameNow = async () => (await t.db.select().from(municipalities).where(eq(municipalities.id, 'zoeterwoude')))[0].name;
		try {
			// A failing handler fails the command: its own write and the command's roll back, nothing is published.
			await expect(run()).rejects.toThrow('refused');
			expect(seen).toEqual(['in:zoeterwoude']);
			expect(await nameNow()).toBe('Zoeterwoude');
			failAfterWriting = false;
			await run();
			expect(seen).toEqual(['in:zoeterwoude', 'in:zoeterwoude', `after:${member.id}`]);
			expect(await nameNow()).toBe('zoeterwoude (bijgewerkt)');
		} finally {
			stopAfter();
			stopIn();
			await t.db.update(municipalities).set({ name: 'Zoeterwoude' }).where(eq(municipalities.id, 'zoeterwoude'));
		}
	});
});
