import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type { Db } from '../db';
import type { Contributor } from '../db/schema';
import type { Actor } from '../permissions';
import type { Origin } from '../modules/audit';
import { afterEditingPause, authorizeWrite, recordUpdates, writeSnapshot, type BurstStart } from '../modules/collaboration/commands';
import {
	appendUpdates,
	loadOrSeedUpdates,
	loadUpdates,
	replaceRows,
	transactionId,
	transactionStatus
} from '../modules/collaboration/store';
import { fillFragment } from '../modules/collaboration/from-html';
import { setRichTextReplacer, type RichTextReplacer } from '../modules/agenda-items/rich-text';
import { fragmentToSnapshot } from '../modules/collaboration/html';
import { CollabFailure } from '../modules/collaboration/errors';
import {
	awarenessStateSchema,
	richTextFields,
	type CollabError,
	type PresenceUser,
	type RichTextField
} from '../../validation/collab';
import type { Ack } from '../../realtime/events';
import { refusal } from './ack';
import type { Io, Sock } from './socket-types';
import {
	MalformedMessage,
	decodeAwareness,
	decodeSyncMessage,
	encodeAwareness,
	encodeStep1,
	encodeStep2,
	encodeUpdate,
	isKnownTo,
	toWire
} from './yjs-protocol';

/**
 * The live Yjs documents of this process: one per (item, field) that someone has open, loaded from the database
 * on first join and unloaded when the last person leaves. Every change goes
 * checked → authorised → relayed to the others → one transaction (append + audit when a burst starts) → applied and acknowledged after commit.
 */

export interface CollabOptions {
	/** Quiet time after the last change before the HTML/text snapshot is written (and a version may be taken). */
	snapshotDebounceMs: number;
	/** During continuous typing, the snapshot is still refreshed this often. */
	snapshotMaxWaitMs: number;
	/**
	 * Quiet time after which an automatic version may be captured (agenda-items decides whether one is due).
	 * Longer than the snapshot pause, or every breath between two sentences would become a version.
	 */
	versionPauseMs: number;
	/** How long an empty document stays in memory (a reload comes straight back). */
	unloadDelayMs: number;
	/** More stored rows than this for one document → replace them by one row with the document's state. */
	compactAfterRows: number;
	/** A user's editing burst (one audit row) ends after this long without a change from them. */
	burstIdleMs: number;
	/** Most updates written in one transaction. */
	batchMax: number;
	/**
	 * How long changes gather before they are written together. Others already have them (relayed on
	 * arrival); only the sender's acknowledgement waits. Fewer, larger transactions keep the database's CPU
	 * out of the way of the relaying.
	 */
	batchWindowMs: number;
}

export const defaultCollabOptions: CollabOptions = {
	snapshotDebounceMs: 2000,
	snapshotMaxWaitMs: 15_000,
	versionPauseMs: 30_000,
	unloadDelayMs: 5000,
	compactAfterRows: 500,
	burstIdleMs: 60_000,
	batchMax: 200,
	batchWindowMs: 100
};

/** One connection's presence in one document. */
export interface CollabSession {
	socket: Sock;
	actor: Actor;
	user: PresenceUser;
	origin: Origin;
	canEdit: boolean;
	/** Awareness client ids this connection speaks for (its Y.Doc's clientID). */
	clientIds: Set<number>;
}

interface PendingWrite {
	update: Uint8Array;
	actor: Pick<Actor, 'userId' | 'name'>;
	origin: Origin;
	/** The connection that sent it (not sent back there); null for a change made by the server. */
	session: CollabSession | null;
	done: (ack: Ack) => void;
}

/** Timers of documents never keep a process alive on their own (the HTTP server does). */
const unref = <T extends ReturnType<typeof setTimeout>>(timer: T): T => (timer.unref?.(), timer);

const key = (itemId: string, field: RichTextField) => `${itemId}:${field}`;
export const docRoom = (itemId: string, field: RichTextField) => `item:${itemId}:${field}` as const;
const MAX_CLIENT_IDS = 4;
/** A committed batch is applied and acknowledged this many changes at a time, with relays in between. */
const COMPLETE_CHUNK = 8;

export class LiveDocument {
	readonly doc = new Y.Doc();
	readonly awareness = new Awareness(this.doc);
	readonly sessions = new Map<string, CollabSession>();
	readonly room: ReturnType<typeof docRoom>;
	readonly ready: Promise<void>;
	/**
	 * The stored rows whose changes this process has applied to `doc`: what compaction may replace by the
	 * document's state. Rows another process appended are not here and stay as they are.
	 */
	private storedIds: number[] = [];
	unloading = false;

	private queue: PendingWrite[] = [];
	/**
	 * Changes already relayed but not yet stored and applied to `doc` (queued or being written). Someone who
	 * syncs in the meantime gets them with the document, or would never see them: the others had them relayed.
	 */
	private unapplied = new Set<Uint8Array>();
	private inflight = 0;
	private pumping = false;
	private idle: (() => void)[] = [];
	private compacting = false;
	private owners = new Map<number, CollabSession>();
	private bursts = new Map<string, number>();
	private contributors = new Map<string, Contributor>();
	private dirty = false;
	private versionDue = false;
	private versionTimer: ReturnType<typeof setTimeout> | undefined;
	private pauseTimer: ReturnType<typeof setTimeout> | undefined;
	private maxWaitTimer: ReturnType<typeof setTimeout> | undefined;
	private unloadTimer: ReturnType<typeof setTimeout> | undefined;
	private flushing: Promise<void> = Promise.resolve();

	constructor(
		private readonly hub: CollabHub,
		readonly itemId: string,
		readonly field: RichTextField,
		previous: Promise<void> | undefined
	) {
		this.room = docRoom(itemId, field);
		// The server has no presence of its own.
		this.awareness.setLocalState(null);
		this.ready = this.load(previous);
	}

	private get db() {
		return this.hub.db;
	}
	private get options() {
		return this.hub.options;
	}

	private async load(previous: Promise<void> | undefined): Promise<void> {
		// A previous instance of this document may still be writing its last changes.
		await previous;
		const rows = await loadOrSeedUpdates(this.db, this.itemId, this.field);
		this.doc.transact(() => {
			for (const row of rows) {
				try {
					Y.applyUpdate(this.doc, row.update);
					this.storedIds.push(row.id);
				} catch (err) {
					console.error(`collab: stored update ${row.id} of ${this.room} could not be applied`, err);
				}
			}
		}, 'load');
		this.compactIfDue();
		// No snapshot on load: opening a document must never change the item (a snapshot of a frozen item
		// voids its sign-offs). A process that died within the snapshot pause leaves the row behind until
		// the next edit; a graceful stop (CollabHub.closeAll) writes it.
	}

	// ——— joining and leaving ————————————————————————————————————————————————

	async join(session: CollabSession): Promise<void> {
		clearTimeout(this.unloadTimer);
		// Joining again on the same connection (a client resyncing) keeps the awareness ids it speaks for.
		for (const id of session.clientIds) this.owners.set(id, session);
		this.sessions.set(session.socket.id, session);
		await session.socket.join(this.room);
	}

	/** After the join was acknowledged: the server's sync step 1 and everyone's presence. */
	greet(session: CollabSession): void {
		const { socket } = session;
		socket.emit('collab:sync', { itemId: this.itemId, field: this.field, message: encodeStep1(this.doc) });
		const present = [...this.awareness.getStates().keys()];
		if (present.length) {
			socket.emit('collab:awareness', {
				itemId: this.itemId,
				field: this.field,
				update: toWire(encodeAwarenessUpdate(this.awareness, present))
			});
		}
	}

	leave(socket: Sock): void {
		const session = this.sessions.get(socket.id);
		if (!session) return;
		this.sessions.delete(socket.id);
		void socket.leave(this.room);
		const ids = [...session.clientIds];
		for (const id of ids) this.owners.delete(id);
		const present = ids.filter((id) => this.awareness.getStates().has(id));
		if (present.length) {
			removeAwarenessStates(this.awareness, present, 'server');
			this.hub.io?.to(this.room).emit('collab:awareness', {
				itemId: this.itemId,
				field: this.field,
				update: toWire(encodeAwarenessUpdate(this.awareness, present))
			});
		}
		if (this.sessions.size === 0) {
			this.unloadTimer = unref(setTimeout(() => this.hub.unload(this), this.options.unloadDelayMs));
		}
	}

	// ——— sync ————————————————————————————————————————————————————————————————

	/** One y-protocols sync message from a client; resolves with the acknowledgement. */
	async receive(session: CollabSession, message: Uint8Array): Promise<Ack> {
		const msg = decodeSyncMessage(message);
		if (msg.type === 'step1') {
			const ref = { itemId: this.itemId, field: this.field };
			session.socket.emit('collab:sync', { ...ref, message: encodeStep2(this.doc, msg.stateVector) });
			for (const update of this.unapplied) session.socket.emit('collab:sync', { ...ref, message: encodeUpdate(update) });
			return { ok: true };
		}
		// Sync step 2 and updates carry changes. One with nothing new is fine from anyone and is not stored.
		if (msg.empty) return { ok: true };
		if (msg.type === 'step2' && isKnownTo(this.doc, msg.update)) return { ok: true };
		authorizeWrite(session.actor);
		return this.submit({ update: msg.update, actor: session.actor, origin: session.origin, session });
	}

	/**
	 * Relays a checked, authorised change to everyone else at once, then queues it for storage; resolves after
	 * it is stored and applied. Broadcast before the commit, acknowledge after it: Yjs updates are idempotent
	 * and commutative, and the sender keeps every update until its ack, so an update whose store fails is sent
	 * again on the next sync (step 2) and nothing is lost. This keeps the database, and the wait for the next
	 * group commit, out of everyone's typing latency.
	 */
	submit(write: Omit<PendingWrite, 'done'>): Promise<Ack> {
		const payload = { itemId: this.itemId, field: this.field, message: encodeUpdate(write.update) };
		if (write.session) write.session.socket.to(this.room).emit('collab:sync', payload);
		else this.hub.io?.to(this.room).emit('collab:sync', payload);
		this.unapplied.add(write.update);
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

	/**
	 * Group commit: whatever arrived while earlier writes were in flight goes into the next INSERT. Order does
	 * not matter to Yjs, so on PostgreSQL a few batches are written at once; PGlite runs one statement at a time.
	 */
	private pump(): void {
		if (this.pumping || !this.queue.length || this.inflight >= this.hub.writers) return;
		// Gather for a moment: the messages that arrive together are written together.
		this.pumping = true;
		const start = () => {
			this.pumping = false;
			this.startWrites();
		};
		if (this.options.batchWindowMs > 0) setTimeout(start, this.options.batchWindowMs);
		else setImmediate(start);
	}

	private startWrites(): void {
		while (this.queue.length && this.inflight < this.hub.writers) {
			const batch = this.queue.splice(0, this.options.batchMax);
			this.inflight++;
			void this.write(batch).finally(() => {
				this.inflight--;
				this.pump();
				if (this.inflight === 0 && this.queue.length === 0) for (const idle of this.idle.splice(0)) idle();
			});
		}
	}

	private async write(batch: PendingWrite[]): Promise<void> {
		const now = Date.now();
		// One audit row when someone's burst starts; marked before the write so parallel batches agree.
		const bursts: BurstStart[] = [];
		for (const w of batch) {
			const last = this.bursts.get(w.actor.userId);
			if (last === undefined || now - last > this.options.burstIdleMs) bursts.push({ actor: w.actor, origin: w.origin });
			this.bursts.set(w.actor.userId, now);
		}
		let ids: number[];
		try {
			ids = await recordUpdates(
				this.db,
				this.itemId,
				this.field,
				batch.map((w) => ({ update: w.update, userId: w.actor.userId })),
				bursts
			);
		} catch (err) {
			console.error(`collab: could not store ${batch.length} update(s) of ${this.room}`, err);
			for (const b of bursts) this.bursts.delete(b.actor.userId);
			// Not stored: each author is told and sends it again in its next sync step 2.
			for (const w of batch) this.settle(w, failure('collab_error_server', w.session));
			return;
		}
		await this.complete(batch);
		this.storedIds.push(...ids);
		this.changed();
		this.compactIfDue();
	}

	/**
	 * Committed: apply to the server's copy and acknowledge, a few at a time. A large batch done in one go
	 * would hold up every relay that arrives meanwhile (the tail of everyone's typing latency).
	 */
	private async complete(batch: PendingWrite[]): Promise<void> {
		for (let i = 0; i < batch.length; i += COMPLETE_CHUNK) {
			if (i > 0) await new Promise((resume) => setImmediate(resume));
			for (const w of batch.slice(i, i + COMPLETE_CHUNK)) {
				this.contributors.set(w.actor.userId, { userId: w.actor.userId, name: w.actor.name });
				try {
					Y.applyUpdate(this.doc, w.update, w.session ?? 'server');
				} catch (err) {
					console.error(`collab: update to ${this.room} stored but not applied`, err);
				}
				this.settle(w, { ok: true });
			}
		}
	}

	/** Answers the sender of a change that is now stored and applied, or that failed; either way no longer pending. */
	private settle(w: PendingWrite, ack: Ack): void {
		this.unapplied.delete(w.update);
		w.done(ack);
	}

	/** Resolves when every queued change is stored. */
	settled(): Promise<void> {
		if (this.inflight === 0 && this.queue.length === 0) return Promise.resolve();
		return new Promise((resolve) => this.idle.push(resolve));
	}

	private compactIfDue(): void {
		if (this.storedIds.length > this.options.compactAfterRows) void this.compact();
	}

	/**
	 * Replaces the rows this process applied by one row with the document's state: no stored row is read back,
	 * so it costs about as much as a save. Rows stored meanwhile are kept for the next round.
	 */
	private async compact(): Promise<void> {
		if (this.compacting) return;
		this.compacting = true;
		const ids = this.storedIds;
		this.storedIds = [];
		try {
			const { id } = await replaceRows(this.db, this.itemId, this.field, ids, Y.encodeStateAsUpdate(this.doc));
			this.storedIds.unshift(id);
		} catch (err) {
			console.error(`collab: compaction of ${this.room} failed (the rows stay as they are)`, err);
			this.storedIds.unshift(...ids);
		} finally {
			this.compacting = false;
		}
	}

	// ——— snapshot after a pause ——————————————————————————————————————————————

	private changed(): void {
		this.dirty = true;
		this.versionDue = true;
		clearTimeout(this.pauseTimer);
		this.pauseTimer = unref(setTimeout(() => void this.flush(false), this.options.snapshotDebounceMs));
		this.maxWaitTimer ??= unref(setTimeout(() => void this.flush(false), this.options.snapshotMaxWaitMs));
		clearTimeout(this.versionTimer);
		this.versionTimer = unref(setTimeout(() => void this.flush(true), this.options.versionPauseMs));
	}

	/** Writes the HTML/text snapshot if anything changed; with `version`, then lets agenda-items capture a version. */
	flush(version: boolean): Promise<void> {
		const run = async () => {
			clearTimeout(this.pauseTimer);
			clearTimeout(this.maxWaitTimer);
			this.maxWaitTimer = undefined;
			if (this.dirty) {
				this.dirty = false;
				const contributors = [...this.contributors.values()];
				this.contributors.clear();
				try {
					const snapshot = fragmentToSnapshot(this.doc.getXmlFragment(this.field));
					await writeSnapshot(this.db, this.itemId, this.field, snapshot, contributors);
				} catch (err) {
					console.error(`collab: snapshot of ${this.room} not written`, err);
					for (const c of contributors) this.contributors.set(c.userId, c);
					this.dirty = true;
					return;
				}
			}
			if (version && this.versionDue) {
				clearTimeout(this.versionTimer);
				this.versionDue = false;
				try {
					await afterEditingPause(this.db, this.itemId);
				} catch (err) {
					console.error(`collab: automatic version of item ${this.itemId} failed`, err);
				}
			}
		};
		this.flushing = this.flushing.then(run);
		return this.flushing;
	}

	/** Last writes, last snapshot, a version if one is due, then gone from memory. */
	async close(): Promise<void> {
		clearTimeout(this.unloadTimer);
		await this.ready.catch(() => {});
		await this.settled();
		await this.flush(true);
		clearTimeout(this.versionTimer);
		this.awareness.destroy();
		this.doc.destroy();
	}

	/** A change made by the server itself (a restored version), already committed as row `id`: apply and tell everyone. */
	applyCommitted(update: Uint8Array, id: number): void {
		Y.applyUpdate(this.doc, update, 'server');
		this.storedIds.push(id);
		this.hub.io?.to(this.room).emit('collab:sync', { itemId: this.itemId, field: this.field, message: encodeUpdate(update) });
		this.changed();
	}

	// ——— awareness ———————————————————————————————————————————————————————————

	/**
	 * A client's presence/cursor. The server keeps only the cursor from what the client says and sets `user`
	 * itself (name, municipality, colour), so nobody can appear under someone else's name.
	 */
	receiveAwareness(session: CollabSession, bytes: Uint8Array): void {
		const entries = decodeAwareness(bytes);
		for (const e of entries) {
			const owner = this.owners.get(e.clientId);
			if (owner && owner !== session) throw new MalformedMessage('client id in use');
			if (!owner && session.clientIds.size >= MAX_CLIENT_IDS) throw new MalformedMessage('too many client ids');
			if (e.state !== null) {
				const parsed = awarenessStateSchema.safeParse(e.state);
				if (!parsed.success) throw new MalformedMessage('awareness state');
				e.state = { cursor: parsed.data.cursor ?? null, user: session.user };
			}
		}
		for (const e of entries) {
			session.clientIds.add(e.clientId);
			this.owners.set(e.clientId, session);
		}
		const update = encodeAwareness(entries);
		applyAwarenessUpdate(this.awareness, update, session);
		session.socket.to(this.room).emit('collab:awareness', { itemId: this.itemId, field: this.field, update: toWire(update) });
	}
}

/** A refusal in the language of whoever sent the message (Dutch for server-made changes). */
function failure(code: CollabError, session: CollabSession | null): Ack {
	return refusal(code, session?.socket.data.locale ?? 'nl');
}

const hubKey = Symbol.for('regioportaal.collab.hub');

/** All live documents of one socket.io server. */
export class CollabHub {
	readonly docs = new Map<string, LiveDocument>();
	private closing = new Map<string, Promise<void>>();
	readonly options: CollabOptions;
	/** Batches written at once per document: PGlite runs one statement at a time, PostgreSQL has a pool. */
	readonly writers: number;

	constructor(
		readonly db: Db,
		readonly io: Io | null,
		options: Partial<CollabOptions> = {}
	) {
		const server = typeof (db as { $client?: unknown }).$client === 'function';
		this.writers = server ? 4 : 1;
		this.options = { ...defaultCollabOptions, ...options };
	}

	/** Makes this hub the one `replaceRichText` and friends use (one per process, like the io). */
	register(): this {
		(globalThis as Record<symbol, unknown>)[hubKey] = this;
		setRichTextReplacer(this.replaceTexts);
		return this;
	}

	/** The live document, loaded if needed. */
	async open(itemId: string, field: RichTextField): Promise<LiveDocument> {
		const k = key(itemId, field);
		let live = this.docs.get(k);
		if (!live) {
			live = new LiveDocument(this, itemId, field, this.closing.get(k));
			this.docs.set(k, live);
			live.ready.catch(() => {
				if (this.docs.get(k) === live) this.docs.delete(k);
			});
		}
		await live.ready;
		return live;
	}

	get(itemId: string, field: RichTextField): LiveDocument | undefined {
		return this.docs.get(key(itemId, field));
	}

	/** Drops a document nobody has open: new joins load it afresh once its last writes are done. */
	unload(live: LiveDocument): void {
		if (live.sessions.size > 0 || live.unloading) return;
		const k = key(live.itemId, live.field);
		if (this.docs.get(k) !== live) return;
		live.unloading = true;
		this.docs.delete(k);
		const closed = live.close().catch((err) => console.error(`collab: closing ${live.room} failed`, err));
		this.closing.set(k, closed);
		void closed.finally(() => {
			if (this.closing.get(k) === closed) this.closing.delete(k);
		});
	}

	/**
	 * Restoring a version (agenda-items) replaces both texts inside its own transaction: the replacing Yjs update
	 * is appended there, and applied to the live document and broadcast only once that transaction committed.
	 */
	readonly replaceTexts: RichTextReplacer = async (tx, itemId, texts) => {
		const done: { field: RichTextField; update: Uint8Array; id: number }[] = [];
		for (const field of richTextFields) {
			const live = this.get(itemId, field);
			await live?.ready;
			const rows = live ? [] : await loadUpdates(tx, itemId, field);
			// No document yet: the item row's HTML (written by the restore) seeds it when it is first opened.
			if (!live && !rows.length) continue;
			const state = live ? Y.encodeStateAsUpdate(live.doc) : Y.mergeUpdates(rows.map((r) => r.update));
			const update = replacingUpdate(state, field, texts[field].html);
			if (!update) continue;
			const [id] = await appendUpdates(tx, itemId, field, [{ update, userId: null }]);
			done.push({ field, update, id });
		}
		if (!done.length) return;
		const xact = await transactionId(tx);
		void this.whenCommitted(xact).then((committed) => {
			if (!committed) return;
			for (const { field, update, id } of done) this.get(itemId, field)?.applyCommitted(update, id);
		});
	};

	/** Waits until a transaction (seen from outside it) committed (true) or aborted (false). */
	private async whenCommitted(xact: string, timeoutMs = 120_000): Promise<boolean> {
		const until = Date.now() + timeoutMs;
		while (Date.now() < until) {
			try {
				const status = await transactionStatus(this.db, xact);
				if (status === 'committed') return true;
				if (status === 'aborted' || status === null) return false;
			} catch (err) {
				console.error('collab: could not read a transaction status', err);
				return false;
			}
			await new Promise((r) => setTimeout(r, 20));
		}
		return false;
	}

	/** Stores and closes everything (shutdown, tests). */
	async closeAll(): Promise<void> {
		for (const live of [...this.docs.values()]) {
			for (const session of [...live.sessions.values()]) live.leave(session.socket);
			this.unload(live);
		}
		await Promise.all([...this.closing.values()]);
	}
}

/** The update that turns `state` into a document whose field shows `html`; null when it already does. */
export function replacingUpdate(state: Uint8Array, field: RichTextField, html: string): Uint8Array | null {
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, state);
		const fragment = doc.getXmlFragment(field);
		if (fragmentToSnapshot(fragment).html === fragmentToSnapshot(htmlFragment(html, field)).html) return null;
		const before = Y.encodeStateVector(doc);
		doc.transact(() => {
			fragment.delete(0, fragment.length);
			fillFragment(fragment, html);
		});
		return Y.encodeStateAsUpdate(doc, before);
	} finally {
		doc.destroy();
	}
}

function htmlFragment(html: string, field: RichTextField): Y.XmlFragment {
	const doc = new Y.Doc();
	const fragment = doc.getXmlFragment(field);
	fillFragment(fragment, html);
	return fragment;
}

/** The hub of this process, if socket.io runs here. */
export function currentHub(): CollabHub | undefined {
	return (globalThis as Record<symbol, unknown>)[hubKey] as CollabHub | undefined;
}
