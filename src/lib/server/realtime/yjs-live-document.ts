import * as Y from 'yjs';
import { authorizeWrite, CollabFailure, loadOrSeedUpdates, loadUpdatesNotIn, textsFrozen, type StoredUpdate } from '../modules/collaboration';
import type { RichTextField } from '../../validation/collab';
import type { Ack } from '../../realtime/events';
import type { Sock } from './socket-types';
import type { CollabHub } from './yjs-hub';
import { Compaction } from './yjs-compaction';
import { docRoom, type DocRoom, type DocumentScope } from './yjs-options';
import { decodeSyncMessage, encodeStep2, encodeUpdate, isKnownTo } from './yjs-protocol';
import { DocumentSessions, type CollabSession } from './yjs-sessions';
import { SnapshotSchedule } from './yjs-snapshots';
import { WriteQueue, type NewWrite } from './yjs-write-queue';

/**
 * One live Yjs document: one per (item, field) that someone has open, loaded from the database on first join
 * and unloaded when the last person leaves. Every change goes
 * checked → authorised → relayed to the others → one transaction (append + audit when a burst starts) → applied and acknowledged after commit.
 * The parts: sessions and presence (yjs-sessions), the group commit (yjs-write-queue), the snapshot and version
 * pauses (yjs-snapshots), compaction of the stored rows (yjs-compaction).
 */
export class LiveDocument {
	readonly doc = new Y.Doc();
	readonly room: DocRoom;
	readonly ready: Promise<void>;
	unloading = false;
	private readonly scope: DocumentScope;
	private readonly people: DocumentSessions;
	private readonly snapshots: SnapshotSchedule;
	private readonly rows: Compaction;
	private readonly writes: WriteQueue;

	constructor(
		private readonly hub: CollabHub,
		readonly itemId: string,
		readonly field: RichTextField,
		previous: Promise<void> | undefined
	) {
		this.room = docRoom(itemId, field);
		const { db, io, peers, options, writers } = hub;
		this.scope = { db, io, peers, options, writers, itemId, field, room: this.room, doc: this.doc };
		this.people = new DocumentSessions(this.scope, () => this.hub.unload(this));
		this.snapshots = new SnapshotSchedule(this.scope);
		this.rows = new Compaction(this.scope);
		this.ready = this.load(previous);
		this.writes = new WriteQueue(this.scope, this.ready, {
			applying: (actor) => this.snapshots.contributed(actor),
			stored: (ids, updates) => {
				this.rows.add(...ids);
				this.snapshots.changed();
				this.rows.compactIfDue();
				peers.committed(itemId, field, ids, updates);
			}
		});
	}

	get sessions(): Map<string, CollabSession> {
		return this.people.sessions;
	}
	get awareness() {
		return this.people.awareness;
	}

	private async load(previous: Promise<void> | undefined): Promise<void> {
		// A previous instance of this document may still be writing its last changes.
		await previous;
		if (await textsFrozen(this.scope.db, this.itemId)) this.hub.markFrozen(this.itemId, true);
		const [rows, presence] = await Promise.all([
			loadOrSeedUpdates(this.scope.db, this.itemId, this.field),
			this.scope.peers.presenceElsewhere(this.itemId, this.field)
		]);
		this.applyRows(rows, 'load');
		for (const update of presence) this.people.applyRemote(update);
		this.rows.compactIfDue();
		// No snapshot on load: opening a document must never change the item (a snapshot of a frozen item
		// voids its sign-offs). A process that died within the snapshot pause leaves the row behind until
		// the next edit; a graceful stop (CollabHub.closeAll) writes it.
	}

	private applyRows(rows: StoredUpdate[], origin: string): void {
		this.doc.transact(() => {
			for (const row of rows) {
				try {
					Y.applyUpdate(this.doc, row.update);
					this.rows.add(row.id);
				} catch (err) {
					console.error(`collab: stored update ${row.id} of ${this.room} could not be applied`, err);
				}
			}
		}, origin);
	}

	/**
	 * Before answering someone's sync with several app nodes: the rows another node stored that this copy has
	 * not applied (a node message lost, or that node compacted them into a new row). One small query per sync.
	 */
	private async catchUp(): Promise<void> {
		if (!this.hub.clustered) return;
		const rows = await loadUpdatesNotIn(this.scope.db, this.itemId, this.field, this.rows.known());
		if (!rows.length) return;
		this.applyRows(rows, 'remote');
		this.snapshots.changed(false);
	}

	/**
	 * Changes another node stored: applied to this copy (a snapshot is due; the version is that node's call),
	 * and sent to whoever joined here so recently that the relay went past them while they were syncing.
	 */
	applyRemote(ids: number[], updates: Uint8Array[]): void {
		// Rows and changes as sets: one row per change, in an order the insert does not promise.
		this.doc.transact(() => {
			for (const update of updates) {
				try {
					Y.applyUpdate(this.doc, update);
				} catch (err) {
					console.error(`collab: a change of ${this.room} from another node could not be applied`, err);
				}
			}
		}, 'remote');
		this.rows.add(...ids);
		this.snapshots.changed(false);
		const ref = { itemId: this.itemId, field: this.field };
		for (const session of this.people.recentlyJoined()) {
			for (const update of updates) session.socket.emit('collab:sync', { ...ref, message: encodeUpdate(update) });
		}
	}

	// ——— joining and leaving ————————————————————————————————————————————————

	join(session: CollabSession): Promise<void> {
		return this.people.join(session);
	}

	/** After the join was acknowledged: the server's sync step 1 and everyone's presence. */
	greet(session: CollabSession): void {
		this.people.greet(session);
	}

	leave(socket: Sock): void {
		this.people.leave(socket);
	}

	/** A client's presence/cursor; `user` is set by the server (see DocumentSessions.receiveAwareness). */
	receiveAwareness(session: CollabSession, bytes: Uint8Array): void {
		this.people.receiveAwareness(session, bytes);
	}

	/** Everyone's presence here as one awareness update (another node opening the document asks), or null. */
	presenceUpdate(): Uint8Array | null {
		return this.people.presenceUpdate();
	}

	/** Presence accepted by another node. */
	applyRemoteAwareness(update: Uint8Array): void {
		this.people.applyRemote(update);
	}

	// ——— sync ————————————————————————————————————————————————————————————————

	/** One y-protocols sync message from a client; resolves with the acknowledgement. */
	async receive(session: CollabSession, message: Uint8Array): Promise<Ack> {
		const msg = decodeSyncMessage(message);
		if (msg.type === 'step1') {
			await this.catchUp();
			const ref = { itemId: this.itemId, field: this.field };
			session.socket.emit('collab:sync', { ...ref, message: encodeStep2(this.doc, msg.stateVector) });
			for (const update of this.writes.unapplied) session.socket.emit('collab:sync', { ...ref, message: encodeUpdate(update) });
			return { ok: true };
		}
		// Sync step 2 and updates carry changes. One with nothing new is fine from anyone and is not stored.
		if (msg.empty) return { ok: true };
		if (msg.type === 'step2' && isKnownTo(this.doc, msg.update)) return { ok: true };
		authorizeWrite(session.actor);
		// Frozen text: refused before it is relayed, so no editor ever shows a change that is not stored.
		if (this.hub.closed(this.itemId)) throw new CollabFailure('collab_error_frozen');
		return this.submit({ update: msg.update, actor: session.actor, origin: session.origin, session });
	}

	/**
	 * Relays a checked, authorised change to everyone else at once, then queues it for storage; resolves after
	 * it is stored and applied. Broadcast before the commit, acknowledge after it: Yjs updates are idempotent
	 * and commutative, and the sender keeps every update until its ack, so an update whose store fails is sent
	 * again on the next sync (step 2) and nothing is lost. This keeps the database, and the wait for the next
	 * group commit, out of everyone's typing latency.
	 */
	submit(write: NewWrite): Promise<Ack> {
		const payload = { itemId: this.itemId, field: this.field, message: encodeUpdate(write.update) };
		if (write.session) write.session.socket.to(this.room).emit('collab:sync', payload);
		else this.hub.io?.to(this.room).emit('collab:sync', payload);
		return this.writes.enqueue(write);
	}

	/** Resolves when every queued change is stored. */
	settled(): Promise<void> {
		return this.writes.settled();
	}

	/** Writes the HTML/text snapshot if anything changed; with `version`, then lets agenda-items capture a version. */
	flush(version: boolean): Promise<void> {
		return this.snapshots.flush(version);
	}

	/** A change made by the server itself (a restored version), already committed as row `id`: apply and tell everyone. */
	applyCommitted(update: Uint8Array, id: number): void {
		Y.applyUpdate(this.doc, update, 'server');
		this.rows.add(id);
		this.hub.io?.to(this.room).emit('collab:sync', { itemId: this.itemId, field: this.field, message: encodeUpdate(update) });
		this.snapshots.changed();
	}

	/** Last writes, last snapshot, a version if one is due, then gone from memory. */
	async close(): Promise<void> {
		this.people.cancelUnload();
		await this.ready.catch(() => {});
		await this.settled();
		await this.flush(true);
		this.snapshots.stop();
		this.people.destroy();
		this.doc.destroy();
	}
}
