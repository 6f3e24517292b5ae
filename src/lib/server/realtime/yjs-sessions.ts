import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type { Actor } from '../permissions';
import type { Origin } from '../modules/audit';
import { awarenessStateSchema, type PresenceUser } from '../../validation/collab';
import type { Sock } from './socket-types';
import { unref, type DocumentScope } from './yjs-options';
import { MalformedMessage, decodeAwareness, encodeAwareness, encodeStep1, toWire } from './yjs-protocol';

/** One connection's presence in one document. */
export interface CollabSession {
	socket: Sock;
	actor: Actor;
	user: PresenceUser;
	origin: Origin;
	canEdit: boolean;
	/** Awareness client ids this connection speaks for (its Y.Doc's clientID). */
	clientIds: Set<number>;
	/** When it (last) joined: set by DocumentSessions. */
	joinedAt?: number;
}

const MAX_CLIENT_IDS = 4;

/**
 * With several app nodes, a change stored elsewhere reaches this node's copy a moment after its relay reached
 * this node's browsers; whoever joined within this long may have synced in between and is sent it again.
 */
const LATE_JOIN_MS = 10_000;

/**
 * Who has one live document open: the joined connections, the awareness client ids each speaks for and
 * everyone's presence (cursor, name). When the last one leaves, `whenEmpty` runs after the unload delay.
 */
export class DocumentSessions {
	readonly sessions = new Map<string, CollabSession>();
	readonly awareness: Awareness;
	private owners = new Map<number, CollabSession>();
	private unloadTimer: ReturnType<typeof setTimeout> | undefined;

	constructor(
		private readonly scope: DocumentScope,
		private readonly whenEmpty: () => void
	) {
		this.awareness = new Awareness(scope.doc);
		// The server has no presence of its own.
		this.awareness.setLocalState(null);
	}

	async join(session: CollabSession): Promise<void> {
		this.cancelUnload();
		// Joining again on the same connection (a client resyncing) keeps the awareness ids it speaks for.
		for (const id of session.clientIds) this.owners.set(id, session);
		session.joinedAt = Date.now();
		this.sessions.set(session.socket.id, session);
		await session.socket.join(this.scope.room);
	}

	/** After the join was acknowledged: the server's sync step 1 and everyone's presence. */
	greet(session: CollabSession): void {
		const { socket } = session;
		socket.emit('collab:sync', { ...this.ref(), message: encodeStep1(this.scope.doc) });
		const present = [...this.awareness.getStates().keys()];
		if (present.length) {
			socket.emit('collab:awareness', { ...this.ref(), update: toWire(encodeAwarenessUpdate(this.awareness, present)) });
		}
	}

	leave(socket: Sock): void {
		const session = this.sessions.get(socket.id);
		if (!session) return;
		this.sessions.delete(socket.id);
		void socket.leave(this.scope.room);
		const ids = [...session.clientIds];
		for (const id of ids) this.owners.delete(id);
		this.dropPresence(ids);
		if (this.sessions.size === 0) {
			this.unloadTimer = unref(setTimeout(this.whenEmpty, this.scope.options.unloadDelayMs));
		}
	}

	/** Connections that joined so recently that a change relayed by another node may have passed them by. */
	recentlyJoined(): CollabSession[] {
		const since = Date.now() - LATE_JOIN_MS;
		return [...this.sessions.values()].filter((s) => (s.joinedAt ?? 0) >= since);
	}

	/** The presence of a connection that left is removed, for everyone still there too (on every node). */
	private dropPresence(ids: number[]): void {
		const present = ids.filter((id) => this.awareness.getStates().has(id));
		if (!present.length) return;
		removeAwarenessStates(this.awareness, present, 'server');
		const update = encodeAwarenessUpdate(this.awareness, present);
		this.scope.io?.to(this.scope.room).emit('collab:awareness', { ...this.ref(), update: toWire(update) });
		this.scope.peers.awareness(this.scope.itemId, this.scope.field, update);
	}

	/** Everyone's presence as one awareness update, or null when nobody is here. */
	presenceUpdate(): Uint8Array | null {
		const present = [...this.awareness.getStates().keys()];
		return present.length ? encodeAwarenessUpdate(this.awareness, present) : null;
	}

	/** Presence another node accepted (its browsers already had the relay): kept so newcomers here are greeted with it. */
	applyRemote(update: Uint8Array): void {
		applyAwarenessUpdate(this.awareness, update, 'remote');
	}

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
		session.socket.to(this.scope.room).emit('collab:awareness', { ...this.ref(), update: toWire(update) });
		this.scope.peers.awareness(this.scope.itemId, this.scope.field, update);
	}

	/** Someone (re)joined, or the document is closing: no unload pending. */
	cancelUnload(): void {
		clearTimeout(this.unloadTimer);
	}

	destroy(): void {
		this.awareness.destroy();
	}

	private ref() {
		return { itemId: this.scope.itemId, field: this.scope.field };
	}
}
