import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffMs, outcomeOf, ResendTimers } from '../../../src/lib/components/comments/resend';
import type { OutboxEntry } from '../../../src/lib/components/comments/outbox';

/** The page's connection, faked: stays connected; every `comment:post` gets the next scripted answer. */
type Answer = { ok: true; data: unknown } | { ok: false; code: string; error: string } | 'no answer';
const script: Answer[] = [];
const posted: { id: string; body: string }[] = [];
const socket = {
	connected: true,
	emit: () => {},
	timeout: () => ({
		emitWithAck: async (event: string, payload: { id: string; body: string; itemId: string }) => {
			if (event !== 'comment:post') return { ok: true };
			posted.push(payload);
			const next = script.shift() ?? 'no answer';
			if (next === 'no answer') throw new Error('operation has timed out');
			return next.ok ? { ok: true, data: { id: payload.id, itemId: payload.itemId, seq: 1 } } : next;
		}
	})
};
vi.mock('$lib/realtime/connection.svelte', () => ({ connection: { socket } }));
vi.mock('$lib/realtime/live-room', () => ({ holdRoom: () => () => {} }));
const store = new Map<string, string>();
vi.stubGlobal('localStorage', {
	getItem: (k: string) => store.get(k) ?? null,
	setItem: (k: string, v: string) => void store.set(k, v),
	removeItem: (k: string) => void store.delete(k)
});
const { LiveComments } = await import('../../../src/lib/components/comments/live-comments.svelte');

const stored = { ok: true, data: {} } as const;
const refusal = (code: string) => ({ ok: false, code, error: `reden ${code}` }) as const;
const draft: Omit<OutboxEntry, 'id' | 'queuedAt'> = {
	itemId: 'item-1',
	parentId: null,
	body: 'Hallo',
	stance: null,
	visibility: 'shared',
	municipalityId: null,
	mentions: [],
	anchor: null
};

function page() {
	const live = new LiveComments('item-1', 'user-1', { seq: 0, comments: [] });
	live.start();
	return live;
}

describe('resending a comment while the connection stays up', () => {
	beforeEach(() => {
		vi.useFakeTimers();
		script.length = 0;
		posted.length = 0;
		store.clear();
	});
	afterEach(() => vi.useRealTimers());

	it('after a database or server failure or no answer: sent again after 1, 2, 4 s with the same id, shown as being sent again, until stored', async () => {
		const live = page();
		script.push(refusal('error_database_unavailable'), 'no answer', refusal('error_server'), stored);
		const entry = live.post(draft);
		await vi.advanceTimersByTimeAsync(0);
		expect(posted).toHaveLength(1);
		expect(live.outbox).toMatchObject([{ id: entry.id, retrying: true }]);
		await vi.advanceTimersByTimeAsync(999);
		expect(posted).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(posted).toHaveLength(2);
		await vi.advanceTimersByTimeAsync(2_000);
		expect(posted).toHaveLength(3);
		await vi.advanceTimersByTimeAsync(4_000);
		expect(posted.map((p) => p.id)).toEqual([entry.id, entry.id, entry.id, entry.id]);
		expect(live.outbox).toEqual([]);
		expect(live.byId.has(entry.id)).toBe(true);
		await vi.advanceTimersByTimeAsync(120_000);
		expect(posted).toHaveLength(4);
		live.stop();
	});

	it('refused by the rate limit: held with the reason, sent again by itself once the minute has passed, or at once by "Opnieuw proberen"', async () => {
		const live = page();
		script.push(refusal('comments_rate_limited'), stored);
		const first = live.post(draft);
		await vi.advanceTimersByTimeAsync(0);
		expect(live.outbox).toMatchObject([{ id: first.id, held: { reason: 'reden comments_rate_limited' } }]);
		await vi.advanceTimersByTimeAsync(59_000);
		expect(posted).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(posted).toHaveLength(2);
		expect(live.outbox).toEqual([]);

		script.push(refusal('comments_rate_limited'), stored);
		const second = live.post({ ...draft, body: 'Nog een' });
		await vi.advanceTimersByTimeAsync(0);
		live.retryNow(second.id);
		await vi.advanceTimersByTimeAsync(0);
		expect(posted.map((p) => p.id)).toEqual([first.id, first.id, second.id, second.id]);
		expect(live.outbox).toEqual([]);
		await vi.advanceTimersByTimeAsync(120_000);
		expect(posted).toHaveLength(4);
		live.stop();
	});

	it('refused for good: kept with its reason and never sent again; a stopped page sends nothing more', async () => {
		const live = page();
		script.push(refusal('validation_comment_empty'), refusal('error_server'));
		const bad = live.post(draft);
		const other = live.post({ ...draft, body: 'Later' });
		await vi.advanceTimersByTimeAsync(0);
		expect(live.outbox).toMatchObject([
			{ id: bad.id, error: 'reden validation_comment_empty' },
			{ id: other.id, retrying: true }
		]);
		live.stop();
		await vi.advanceTimersByTimeAsync(120_000);
		expect(posted.map((p) => p.id)).toEqual([bad.id, other.id]);
		// Both are still in the outbox (localStorage), to be sent or shown on the next visit.
		expect(JSON.parse(store.get('rp-comments-outbox:user-1') ?? '[]')).toHaveLength(2);
	});
});

describe('resend rules', () => {
	it('back-off of 1, 2, 4, 8, 16 s, then every 30 s', () => {
		expect([1, 2, 3, 4, 5, 6, 7, 20].map(backoffMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
	});

	it('what an answer means', () => {
		expect(outcomeOf(null)).toEqual({ kind: 'retry' });
		expect(outcomeOf({ ok: true, data: {} })).toEqual({ kind: 'stored' });
		expect(outcomeOf(refusal('error_database_unavailable'))).toEqual({ kind: 'retry' });
		expect(outcomeOf(refusal('error_server'))).toEqual({ kind: 'retry' });
		expect(outcomeOf(refusal('comments_rate_limited'))).toEqual({ kind: 'wait', reason: 'reden comments_rate_limited', ms: 60_000 });
		expect(outcomeOf(refusal('error_forbidden_action'))).toEqual({ kind: 'refused', error: 'reden error_forbidden_action' });
		expect(outcomeOf(refusal('comments_item_not_found'))).toEqual({ kind: 'refused', error: 'reden comments_item_not_found' });
	});

	it('one timer per entry: scheduling again replaces it, forgetting cancels it and starts the back-off afresh', () => {
		vi.useFakeTimers();
		const fired: string[] = [];
		const timers = new ResendTimers((id) => fired.push(id));
		expect(timers.schedule('a')).toBe(1_000);
		expect(timers.schedule('a')).toBe(2_000);
		expect(timers.schedule('b', 60_000)).toBe(60_000);
		vi.advanceTimersByTime(2_000);
		expect(fired).toEqual(['a']);
		timers.forget('b');
		vi.advanceTimersByTime(60_000);
		expect(fired).toEqual(['a']);
		expect(timers.schedule('a')).toBe(4_000);
		timers.forget('a');
		expect(timers.schedule('a')).toBe(1_000);
		timers.clear();
		vi.advanceTimersByTime(60_000);
		expect(fired).toEqual(['a']);
		vi.useRealTimers();
	});
});
