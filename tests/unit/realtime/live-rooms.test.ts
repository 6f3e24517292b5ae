import { beforeEach, describe, expect, it, vi } from 'vitest';

/** The page's live connection, faked: records what the page sends and lets the test deliver events. */
const sent: string[] = [];
const handlers = new Map<string, Set<(...a: unknown[]) => void>>();
const socket = {
	connected: true,
	emit: (event: string, payload: { room: string }) => sent.push(`${event} ${payload.room}`),
	on: (event: string, fn: (...a: unknown[]) => void) => handlers.set(event, (handlers.get(event) ?? new Set()).add(fn)),
	off: (event: string, fn: (...a: unknown[]) => void) => handlers.get(event)?.delete(fn)
};
vi.mock('$lib/realtime/connection.svelte', () => ({ connection: { start: () => socket } }));
const { joinLive } = await import('../../../src/lib/realtime/live-room');

const settle = () => new Promise((r) => setTimeout(r, 0));
const deliver = (event: string, payload: unknown) => handlers.get(event)?.forEach((fn) => fn(payload));

describe('live rooms of a page', () => {
	beforeEach(() => {
		sent.length = 0;
		handlers.clear();
	});

	it('an effect that runs again (leave, then join the same room at once) never leaves the room, so no event is missed', async () => {
		const seen: unknown[] = [];
		const stop = joinLive('item:1' as never, { 'item:changed': (e) => seen.push(e) }, () => {});
		expect(sent).toEqual(['room:join item:1']);
		stop();
		const again = joinLive('item:1' as never, { 'item:changed': (e) => seen.push(e) }, () => {});
		await settle();
		expect(sent).not.toContain('room:leave item:1');
		deliver('item:changed', { seq: 2 });
		expect(seen).toEqual([{ seq: 2 }]);
		again();
		await settle();
		expect(sent.at(-1)).toBe('room:leave item:1');
	});

	it('two parts of the page share a room: the room is left when the last one stops listening', async () => {
		const page = joinLive('item:2' as never, {}, () => {});
		const panel = joinLive('item:2' as never, {}, () => {});
		panel();
		await settle();
		expect(sent).not.toContain('room:leave item:2');
		page();
		await settle();
		expect(sent.filter((s) => s === 'room:leave item:2')).toHaveLength(1);
	});
});
