import * as Y from 'yjs';
import type { Db } from '../db';
import { appendUpdates, loadUpdates, transactionId } from '../modules/collaboration';
import { setRichTextReplacer, useTextGate, type RichTextReplacer } from '../modules/agenda-items';
import { subscribe } from '../bus';
import { isFrozenStatus } from '../../decisions/constants';
import { richTextFields, type RichTextField } from '../../validation/collab';
import type { Io } from './socket-types';
import { LiveDocument } from './yjs-live-document';
import { defaultCollabOptions, type CollabOptions } from './yjs-options';
import { replacingUpdate, whenCommitted } from './yjs-replace';
import { nodeLink } from './cluster';
import { CollabPeers } from './yjs-peers';

const key = (itemId: string, field: RichTextField) => `${itemId}:${field}`;

/**
 * The hub of this process (set by `register`). A plain module variable: the production bundle holds one copy
 * of this module, and so does each test file; server.js reaches it only through the runtime's shutdown.
 */
let current: CollabHub | undefined;

/** All live documents of one socket.io server. */
export class CollabHub {
	readonly docs = new Map<string, LiveDocument>();
	private closing = new Map<string, Promise<void>>();
	readonly options: CollabOptions;
	/** Batches written at once per document: PGlite runs one statement at a time, PostgreSQL has a pool. */
	readonly writers: number;
	/** The other app nodes with their copies of the same documents (none on a single node). */
	readonly peers: CollabPeers;
	readonly clustered: boolean;

	constructor(
		readonly db: Db,
		readonly io: Io | null,
		options: Partial<CollabOptions> = {}
	) {
		const server = typeof (db as { $client?: unknown }).$client === 'function';
		this.writers = server ? 4 : 1;
		this.options = { ...defaultCollabOptions, ...options };
		const link = nodeLink(io);
		this.clustered = link.enabled;
		this.peers = new CollabPeers(link, {
			applyCommitted: (itemId, field, ids, updates) => void this.whenLive(itemId, field, (live) => live.applyRemote(ids, updates)),
			applyAwareness: (itemId, field, update) => void this.whenLive(itemId, field, (live) => live.applyRemoteAwareness(update)),
			markFrozen: (itemId, frozen) => this.markFrozen(itemId, frozen),
			holdHere: (itemId) => this.holdHere(itemId),
			presence: (itemId, field) => this.get(itemId, field)?.presenceUpdate() ?? null
		});
	}

	/** Runs `act` on the document if it is open on this node (once loaded); a document not open here needs nothing. */
	private async whenLive(itemId: string, field: RichTextField, act: (live: LiveDocument) => void): Promise<void> {
		const live = this.get(itemId, field);
		if (!live || live.unloading) return;
		await live.ready.catch(() => {});
		act(live);
	}

	/** Items whose texts take no changes: frozen for decision-making, or held while being frozen. */
	private readonly frozen = new Set<string>();
	private readonly holds = new Map<string, number>();

	/** Makes this hub the one `replaceRichText` and friends use (one per process, like the io). */
	register(): this {
		// eslint-disable-next-line @typescript-eslint/no-this-alias -- the process's one hub, reached by currentHub()
		current = this;
		setRichTextReplacer(this.replaceTexts);
		useTextGate(this.hold);
		// The status decides whether the texts are open: every status change reaches the live documents.
		subscribe('item.status_changed', 'collab-frozen', (e) => {
			this.markFrozen(e.itemId, isFrozenStatus(e.status));
			this.peers.frozen(e.itemId, isFrozenStatus(e.status));
		});
		return this;
	}

	/** Whether a change to the item's texts is refused here before it is relayed to anyone. */
	closed(itemId: string): boolean {
		return this.frozen.has(itemId) || (this.holds.get(itemId) ?? 0) > 0;
	}

	markFrozen(itemId: string, frozen: boolean): void {
		if (frozen) this.frozen.add(itemId);
		else this.frozen.delete(itemId);
	}

	/**
	 * The gate of the freeze (agenda-items): from now on the item's live documents refuse changes, on this node
	 * and on the others, and the changes already accepted are stored before this resolves. The release lets
	 * changes in again unless the item is frozen by then (its status event arrived first).
	 */
	readonly hold = async (itemId: string): Promise<() => void> => {
		const [here, elsewhere] = await Promise.all([this.holdHere(itemId), this.peers.holdElsewhere(itemId)]);
		return () => {
			here();
			elsewhere();
		};
	};

	/** The hold on this node's documents only. */
	private async holdHere(itemId: string): Promise<() => void> {
		this.holds.set(itemId, (this.holds.get(itemId) ?? 0) + 1);
		const live = [...this.docs.values()].filter((d) => d.itemId === itemId);
		await Promise.all(live.map((d) => d.ready.then(() => d.settled()).catch(() => {})));
		let released = false;
		return () => {
			if (released) return;
			released = true;
			const left = (this.holds.get(itemId) ?? 1) - 1;
			if (left > 0) this.holds.set(itemId, left);
			else this.holds.delete(itemId);
		};
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
		void whenCommitted(this.db, xact).then((committed) => {
			if (!committed) return;
			for (const { field, update, id } of done) {
				this.get(itemId, field)?.applyCommitted(update, id);
				this.peers.committed(itemId, field, [id], [update]);
			}
		});
	};

	/** Stores and closes everything (shutdown, tests). */
	async closeAll(): Promise<void> {
		if (current === this) useTextGate(undefined);
		for (const live of [...this.docs.values()]) {
			for (const session of [...live.sessions.values()]) live.leave(session.socket);
			this.unload(live);
		}
		await Promise.all([...this.closing.values()]);
	}
}

/** The hub of this process, if socket.io runs here. */
export function currentHub(): CollabHub | undefined {
	return current;
}
