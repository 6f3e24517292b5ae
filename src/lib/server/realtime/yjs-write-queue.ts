import * as Y from 'yjs';
import type { Actor } from '../permissions';
import type { Origin } from '../modules/audit';
import { CollabFailure, recordUpdates, type BurstStart } from '../modules/collaboration';
import type { CollabError } from '../../validation/collab';
import type { Ack } from '../../realtime/events';
import { refusal } from './ack';
import type { DocumentScope } from './yjs-options';
import type { CollabSession } from './yjs-sessions';

/** A change waiting to be stored, with the acknowledgement its sender waits for. */
export interface PendingWrite {
	update: Uint8Array;
	actor: Pick<Actor, 'userId' | 'name'>;
	origin: Origin;
	/** The connection that sent it (not sent back there); null for a change made by the server. */
	session: CollabSession | null;
	done: (ack: Ack) => void;
}

export type NewWrite = Omit<PendingWrite, 'done'>;

/** What else happens to a committed batch while it is applied to the document. */
export interface WriteHooks {
	/** Just before a committed change is applied: its author contributed to the next snapshot. */
	applying(actor: PendingWrite['actor']): void;
	/** The whole batch is applied: these are its stored rows and their changes. */
	stored(ids: number[], updates: Uint8Array[]): void;
}

/** A committed batch is applied and acknowledged this many changes at a time, with relays in between. */
const COMPLETE_CHUNK = 8;

/**
 * The group commit of one live document: changes gather for the batch window and are written together (one
 * transaction: append + an audit row when someone's burst starts), then applied and acknowledged.
 */
export class WriteQueue {
	private queue: PendingWrite[] = [];
	/**
	 * Changes already relayed but not yet stored and applied to the document (queued or being written). Someone
	 * who syncs in the meantime gets them with the document, or would never see them: the others had them relayed.
	 */
	private readonly pending = new Set<Uint8Array>();
	private inflight = 0;
	private pumping = false;
	private idle: (() => void)[] = [];
	private bursts = new Map<string, number>();

	constructor(
		private readonly scope: DocumentScope,
		/** The document is loaded: nothing is written before. */
		private readonly ready: Promise<void>,
		private readonly hooks: WriteHooks
	) {}

	get unapplied(): ReadonlySet<Uint8Array> {
		return this.pending;
	}

	/** Queues a change (already relayed); resolves with its acknowledgement once it is stored and applied, or failed. */
	enqueue(write: NewWrite): Promise<Ack> {
		this.pending.add(write.update);
		return new Promise((done) => {
			this.queue.push({ ...write, done });
			this.ready.then(
				() => this.pump(),
				() => {
					for (const w of this.queue.splice(0)) this.settle(w, failure('collab_error_server', w.session));
				}
			);
		});
	}

	/** Resolves when every queued change is stored. */
	settled(): Promise<void> {
		if (this.inflight === 0 && this.queue.length === 0) return Promise.resolve();
		return new Promise((resolve) => this.idle.push(resolve));
	}

	/**
	 * Group commit: whatever arrived while earlier writes were in flight goes into the next INSERT. Order does
	 * not matter to Yjs, so on PostgreSQL a few batches are written at once; PGlite runs one statement at a time.
	 */
	private pump(): void {
		if (this.pumping || !this.queue.length || this.inflight >= this.scope.writers) return;
		// Gather for a moment: the messages that arrive together are written together.
		this.pumping = true;
		const start = () => {
			this.pumping = false;
			this.startWrites();
		};
		if (this.scope.options.batchWindowMs > 0) setTimeout(start, this.scope.options.batchWindowMs);
		else setImmediate(start);
	}

	private startWrites(): void {
		while (this.queue.length && this.inflight < this.scope.writers) {
			const batch = this.queue.splice(0, this.scope.options.batchMax);
			this.inflight++;
			void this.write(batch).finally(() => {
				this.inflight--;
				this.pump();
				if (this.inflight === 0 && this.queue.length === 0) for (const idle of this.idle.splice(0)) idle();
			});
		}
	}

	private async write(batch: PendingWrite[]): Promise<void> {
		const { db, itemId, field, room } = this.scope;
		const bursts = this.burstsStarting(batch);
		let ids: number[];
		try {
			const updates = batch.map((w) => ({ update: w.update, userId: w.actor.userId }));
			ids = await recordUpdates(db, itemId, field, updates, bursts);
		} catch (err) {
			for (const b of bursts) this.bursts.delete(b.actor.userId);
			// Frozen meanwhile (another process froze the item): refused for good, not sent again.
			const code = err instanceof CollabFailure ? err.code : 'collab_error_server';
			if (code === 'collab_error_server') console.error(`collab: could not store ${batch.length} update(s) of ${room}`, err);
			// Not stored: each author is told (after a server error it sends it again in its next sync step 2).
			for (const w of batch) this.settle(w, failure(code, w.session));
			return;
		}
		await this.complete(batch);
		this.hooks.stored(
			ids,
			batch.map((w) => w.update)
		);
	}

	/** One audit row when someone's burst starts; marked before the write so parallel batches agree. */
	private burstsStarting(batch: PendingWrite[]): BurstStart[] {
		const now = Date.now();
		const bursts: BurstStart[] = [];
		for (const w of batch) {
			const last = this.bursts.get(w.actor.userId);
			if (last === undefined || now - last > this.scope.options.burstIdleMs) bursts.push({ actor: w.actor, origin: w.origin });
			this.bursts.set(w.actor.userId, now);
		}
		return bursts;
	}

	/**
	 * Committed: apply to the server's copy and acknowledge, a few at a time. A large batch done in one go
	 * would hold up every relay that arrives meanwhile (the tail of everyone's typing latency).
	 */
	private async complete(batch: PendingWrite[]): Promise<void> {
		for (let i = 0; i < batch.length; i += COMPLETE_CHUNK) {
			if (i > 0) await new Promise((resume) => setImmediate(resume));
			for (const w of batch.slice(i, i + COMPLETE_CHUNK)) {
				this.hooks.applying(w.actor);
				try {
					Y.applyUpdate(this.scope.doc, w.update, w.session ?? 'server');
				} catch (err) {
					console.error(`collab: update to ${this.scope.room} stored but not applied`, err);
				}
				this.settle(w, { ok: true });
			}
		}
	}

	/** Answers the sender of a change that is now stored and applied, or that failed; either way no longer pending. */
	private settle(w: PendingWrite, ack: Ack): void {
		this.pending.delete(w.update);
		w.done(ack);
	}
}

/** A refusal in the language of whoever sent the message (Dutch for server-made changes). */
function failure(code: CollabError, session: CollabSession | null): Ack {
	return refusal(code, session?.socket.data.locale ?? 'nl');
}
