import { SvelteMap } from 'svelte/reactivity';
import { connection } from '$lib/realtime/connection.svelte';
import { holdRoom } from '$lib/realtime/live-room';
import type { Ack, CommentChangedEvent, CommentView } from '$lib/realtime/events';
import { payloadOf, readOutbox, writeOutbox, type OutboxEntry } from './outbox';
import { isRetryable, outcomeOf, ResendTimers, type Outcome } from './resend';

/**
 * The comments of one item on the page: the list from the server, kept current by live events, a catch-up
 * after every reconnect (everything after `cursor`) and the outbox of this user, whose entries are sent again
 * until stored or refused for good (resend.ts).
 */
export class LiveComments {
	readonly byId = new SvelteMap<string, CommentView>();
	outbox = $state<OutboxEntry[]>([]);
	typing = new SvelteMap<string, { name: string; parentId: string | null; until: number }>();
	/**
	 * The catch-up cursor: the sequence number of the last complete answer from the server (page load or
	 * `comments:since`). Live events and acks do not move it: one may arrive before an earlier-numbered event
	 * that is then lost with the connection, and the next catch-up must still ask for that one.
	 */
	cursor = 0;
	#sending = new Set<string>();
	/** Resends while connected: after a passing failure (back-off) or a rate-limit refusal (its window). */
	#resends = new ResendTimers((id) => {
		const entry = this.outbox.find((e) => e.id === id && !e.error);
		if (entry) void this.send(entry);
	});
	#cleanup: (() => void) | null = null;

	constructor(
		readonly itemId: string,
		readonly userId: string,
		initial: { seq: number; comments: CommentView[] },
		readonly onChange: (e: CommentChangedEvent) => void = () => {},
		/** Wraps every change that arrives from others, so the page can keep the reader's place around it. */
		readonly around: (apply: () => void) => void = (apply) => apply()
	) {
		for (const c of initial.comments) this.byId.set(c.id, c);
		this.cursor = initial.seq;
	}

	/** Threads in order of writing, each with its replies. */
	get threads(): { root: CommentView; replies: CommentView[] }[] {
		const all = [...this.byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.seq - b.seq);
		const replies = new Map<string, CommentView[]>();
		for (const c of all) if (c.parentId) replies.set(c.parentId, [...(replies.get(c.parentId) ?? []), c]);
		return all.filter((c) => !c.parentId).map((root) => ({ root, replies: replies.get(root.id) ?? [] }));
	}

	/** Keeps the newer of two states of a comment (higher seq). */
	merge(c: CommentView): boolean {
		const known = this.byId.get(c.id);
		if (known && known.seq >= c.seq) return false;
		this.byId.set(c.id, c);
		return true;
	}

	start(): void {
		this.outbox = readOutbox(this.userId).filter((e) => e.itemId === this.itemId);
		// Held back by the rate limit before a reload: sent again when its window has passed.
		for (const e of this.outbox) if (e.held && !e.error) this.#resends.schedule(e.id, Math.max(0, e.held.until - Date.now()));
		const onChanged = (e: CommentChangedEvent) => {
			if (e.comment.itemId !== this.itemId) return;
			const isNew = !this.byId.has(e.comment.id);
			let changed = false;
			this.around(() => (changed = this.merge(e.comment)));
			// Our own comment can come back live before its acknowledgement: it is stored, so it leaves the outbox.
			this.#settle([e.comment.id]);
			if (changed && (isNew || e.change !== 'created')) this.onChange(e);
		};
		const onTyping = (e: { itemId: string; parentId: string | null; user: { id: string; name: string } }) => {
			if (e.itemId !== this.itemId || e.user.id === this.userId) return;
			const known = this.typing.get(e.user.id);
			if (known && known.parentId === e.parentId) known.until = Date.now() + 4000;
			else this.around(() => this.typing.set(e.user.id, { name: e.user.name, parentId: e.parentId, until: Date.now() + 4000 }));
		};
		// Joining is the catch-up: subscribe, fetch what was missed, send the outbox (also after every reconnect).
		const release = holdRoom({
			key: `comments ${this.itemId}`,
			join: () => void this.sync(),
			leave: (socket) => socket.emit('comments:unsubscribe', { itemId: this.itemId }, () => {}),
			on: { 'comment:changed': onChanged, 'comment:typing': onTyping }
		});
		const timer = setInterval(() => {
			const now = Date.now();
			const gone = [...this.typing].filter(([, t]) => t.until < now).map(([id]) => id);
			if (gone.length) this.around(() => gone.forEach((id) => this.typing.delete(id)));
		}, 1000);
		this.#cleanup = () => {
			clearInterval(timer);
			this.#resends.clear();
			release();
		};
	}

	stop(): void {
		this.#cleanup?.();
		this.#cleanup = null;
	}

	/** After (re)connecting: subscribe, fetch what was missed, send what is still in the outbox. */
	async sync(): Promise<void> {
		const socket = connection.socket;
		if (!socket?.connected) return;
		const sub = await socket
			.timeout(10_000)
			.emitWithAck('comments:subscribe', { itemId: this.itemId })
			.catch(() => null);
		const since = sub?.ok
			? await socket
					.timeout(10_000)
					.emitWithAck('comments:since', { itemId: this.itemId, after: this.cursor })
					.catch(() => null)
			: null;
		if (!since?.ok || !since.data) {
			// No answer, or the server is still starting: try again while this connection lasts (not after a refusal).
			const refused = [sub, since].some((r) => r && !r.ok && !isRetryable(r.code));
			if (!refused && this.#cleanup && socket.connected) setTimeout(() => void this.sync(), 2_000);
			return;
		}
		this.cursor = Math.max(this.cursor, since.data.seq);
		const list: CommentView[] = since.data.comments;
		const fresh = list.filter((c) => !this.byId.has(c.id));
		this.around(() => {
			for (const c of list) this.merge(c);
		});
		for (const c of fresh) this.onChange({ change: 'created', comment: c });
		this.#settle(list.map((c) => c.id));
		for (const entry of this.outbox) if (!entry.error && !this.#held(entry)) void this.send(entry);
	}

	#held(entry: OutboxEntry): boolean {
		return !!entry.held && entry.held.until > Date.now();
	}

	/** Queues a comment in the outbox (so a reload or a lost connection cannot lose it) and sends it. */
	post(entry: Omit<OutboxEntry, 'id' | 'queuedAt'>): OutboxEntry {
		const full: OutboxEntry = { ...entry, id: crypto.randomUUID(), queuedAt: new Date().toISOString() };
		this.outbox = [...this.outbox, full];
		this.#persist();
		void this.send(full);
		return full;
	}

	/**
	 * Sends an outbox entry (again: the same id never doubles). Whatever the answer, the entry ends stored,
	 * refused with its reason, or waiting for its next attempt; while disconnected it waits for the reconnect.
	 */
	async send(entry: OutboxEntry): Promise<void> {
		const socket = connection.socket;
		if (!socket?.connected || this.#sending.has(entry.id)) return;
		this.#sending.add(entry.id);
		let res: Ack<CommentView> | null;
		try {
			res = (await socket.timeout(15_000).emitWithAck('comment:post', payloadOf(entry))) as Ack<CommentView>;
		} catch {
			res = null;
		} finally {
			this.#sending.delete(entry.id);
		}
		if (res?.ok && res.data) this.merge(res.data);
		this.#after(entry.id, outcomeOf(res));
	}

	#after(id: string, outcome: Outcome): void {
		// Settled meanwhile (its own live event came first) or discarded: nothing more to do.
		if (!this.outbox.some((e) => e.id === id)) return void this.#resends.forget(id);
		if (outcome.kind === 'stored') {
			this.#resends.forget(id);
			this.#drop(id);
		} else if (outcome.kind === 'refused') {
			this.#resends.forget(id);
			this.#update(id, { error: outcome.error, retrying: false, held: undefined });
		} else if (outcome.kind === 'wait') {
			this.#update(id, { held: { until: Date.now() + outcome.ms, reason: outcome.reason }, retrying: false });
			if (this.#cleanup) this.#resends.schedule(id, outcome.ms);
		} else {
			this.#update(id, { retrying: true, held: undefined });
			// The connection may well stay up (a database restart): the next attempt cannot wait for a reconnect.
			if (this.#cleanup) this.#resends.schedule(id);
		}
	}

	/** "Opnieuw proberen": send a waiting entry now, with a fresh back-off. */
	retryNow(id: string): void {
		const entry = this.outbox.find((e) => e.id === id && !e.error);
		if (!entry) return;
		this.#resends.forget(id);
		this.#update(id, { held: undefined });
		void this.send(entry);
	}

	discard(id: string): void {
		this.#resends.forget(id);
		this.#drop(id);
	}

	/** Removes outbox entries the server has already stored (it sent them back). */
	#settle(ids: string[]): void {
		const stored = new Set(ids);
		if (this.outbox.some((e) => stored.has(e.id))) {
			this.outbox = this.outbox.filter((e) => !stored.has(e.id));
			this.#persist();
		}
	}

	#drop(id: string): void {
		this.outbox = this.outbox.filter((e) => e.id !== id);
		this.#persist();
	}

	#update(id: string, patch: Partial<OutboxEntry>): void {
		this.outbox = this.outbox.map((e) => (e.id === id ? { ...e, ...patch } : e));
		this.#persist();
	}

	/** Writes this item's entries back, keeping those of other items (other tabs, other pages). */
	#persist(): void {
		writeOutbox(this.userId, [...readOutbox(this.userId).filter((e) => e.itemId !== this.itemId), ...$state.snapshot(this.outbox)]);
	}

	async command(event: 'comment:edit' | 'comment:delete' | 'comment:resolve', payload: Record<string, unknown>): Promise<Ack<CommentView>> {
		const socket = connection.socket;
		if (!socket?.connected) return { ok: false, code: 'offline', error: '' };
		const res = await (socket.timeout(15_000).emitWithAck as (e: string, p: unknown) => Promise<Ack<CommentView>>)(event, payload).catch(
			() => ({ ok: false, code: 'timeout', error: '' }) as Ack<CommentView>
		);
		if (res.ok && res.data) this.merge(res.data);
		return res;
	}

	typingNow(parentId: string | null): void {
		connection.socket?.emit('comment:typing', { itemId: this.itemId, parentId });
	}
}
