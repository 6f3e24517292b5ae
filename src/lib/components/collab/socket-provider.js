// Plain JavaScript (with JSDoc types) so the browser editor, the integration tests and bench/coedit.js
// all run this very client.
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { Observable } from 'lib0/observable';
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';

/**
 * @typedef {import('../../collab/fields').RichTextField} RichTextField
 * @typedef {'connecting' | 'syncing' | 'saved' | 'offline' | 'error'} CollabStatus
 * @typedef {{ userId: string, name: string, municipality: string | null, color: string }} PresenceUser
 * @typedef {{ ok: true, data?: any } | { ok: false, code: string, error: string }} Ack
 * @typedef {import('socket.io-client').Socket<any, any>} CollabSocket
 */

/** Errors after which resending the same change cannot help. */
const FINAL_ERRORS = new Set([
	'collab_error_too_large',
	'collab_error_malformed',
	'collab_error_characters',
	'collab_error_read_only',
	'collab_error_forbidden',
	'collab_error_not_found'
]);
const ACK_TIMEOUT_MS = 15_000;
const RESYNC_DELAY_MS = 1_000;

/** A message from the server: base64 text (one WebSocket frame; see server/realtime/yjs-protocol.ts), or raw bytes. */
export function toBytes(/** @type {unknown} */ value) {
	if (typeof value === 'string') return fromBase64(value);
	if (value instanceof Uint8Array) return value;
	if (value instanceof ArrayBuffer) return new Uint8Array(value);
	throw new TypeError('binary payload expected');
}

/**
 * Keeps one Y.Doc in sync with the server over the page's socket.io connection, with the y-protocols sync
 * and awareness messages. The Y.Doc lives as long as the provider, across reconnects: changes made offline
 * stay in it and go to the server in sync step 2 when the connection returns.
 *
 * Events: `status` (CollabStatus), `joined` ({ canEdit, user }), `synced` (), `error` ({ code, error }).
 * @extends {Observable<string>}
 */
export class SocketIoYjsProvider extends Observable {
	/**
	 * @param {CollabSocket} socket
	 * @param {Y.Doc} doc
	 * @param {{ itemId: string, field: RichTextField, awareness?: awarenessProtocol.Awareness }} options
	 */
	constructor(socket, doc, { itemId, field, awareness }) {
		super();
		this.socket = socket;
		this.doc = doc;
		this.itemId = itemId;
		this.field = field;
		this.awareness = awareness ?? new awarenessProtocol.Awareness(doc);
		this.joined = false;
		this.synced = false;
		this.canEdit = false;
		/** @type {PresenceUser | null} */
		this.user = null;
		/** Changes sent and not yet acknowledged (stored) by the server. */
		this.pending = 0;
		/** Local changes made while not joined; sync step 2 will carry them. */
		this.unsent = false;
		/** @type {{ code: string, error: string } | null} */
		this.lastError = null;
		this.destroyed = false;
		/** @type {CollabStatus} */
		this.status = 'connecting';
		/** @type {ReturnType<typeof setTimeout> | undefined} */
		this.resyncTimer = undefined;
		this.generation = 0;

		this.onSync = this.onSync.bind(this);
		this.onAwarenessMessage = this.onAwarenessMessage.bind(this);
		this.onConnect = this.onConnect.bind(this);
		this.scheduleResync = this.scheduleResync.bind(this);
		this.onDisconnect = this.onDisconnect.bind(this);
		this.onDocUpdate = this.onDocUpdate.bind(this);
		this.onLocalAwareness = this.onLocalAwareness.bind(this);

		socket.on('collab:sync', this.onSync);
		socket.on('collab:awareness', this.onAwarenessMessage);
		socket.on('connect', this.onConnect);
		socket.on('disconnect', this.onDisconnect);
		// Changes may have been lost between app nodes: sync again (step 1 brings what this copy lacks).
		socket.on('realtime:resync', this.scheduleResync);
		doc.on('update', this.onDocUpdate);
		this.awareness.on('update', this.onLocalAwareness);
		if (socket.connected) this.join();
		else this.setStatus();
	}

	get ref() {
		return { itemId: this.itemId, field: this.field };
	}

	/** @param {{ itemId: string, field: string }} p */
	mine(p) {
		return !!p && p.itemId === this.itemId && p.field === this.field;
	}

	join() {
		if (this.destroyed) return;
		const generation = ++this.generation;
		this.joined = false;
		this.synced = false;
		// Acks of the previous round no longer count; sync step 2 of this round carries anything they held.
		this.pending = 0;
		this.setStatus();
		this.socket.timeout(ACK_TIMEOUT_MS).emit('collab:join', this.ref, (/** @type {Error | null} */ err, /** @type {Ack} */ res) => {
			if (this.destroyed || generation !== this.generation) return;
			if (err) return this.scheduleResync();
			if (!res.ok) return this.fail(res, !FINAL_ERRORS.has(res.code));
			this.joined = true;
			this.canEdit = !!res.data?.canEdit;
			this.user = res.data?.user ?? null;
			this.lastError = null;
			this.emit('joined', [{ canEdit: this.canEdit, user: this.user }]);
			// Our state vector: the server answers with what we miss (sync step 2).
			const encoder = encoding.createEncoder();
			syncProtocol.writeSyncStep1(encoder, this.doc);
			this.send(encoding.toUint8Array(encoder), false);
			// Our presence, if we have any yet.
			if (this.awareness.getLocalState() !== null) this.sendAwareness([this.doc.clientID]);
			this.setStatus();
		});
	}

	/** @param {{ itemId: string, field: string, message: unknown }} payload */
	onSync(payload) {
		if (!this.mine(payload) || !this.joined) return;
		const decoder = decoding.createDecoder(toBytes(payload.message));
		const type = decoding.readVarUint(decoder);
		if (type === syncProtocol.messageYjsSyncStep1) {
			// The server's state vector: send what it misses (offline changes). Readers have nothing to send.
			const stateVector = decoding.readVarUint8Array(decoder);
			if (this.canEdit) {
				const encoder = encoding.createEncoder();
				syncProtocol.writeSyncStep2(encoder, this.doc, stateVector);
				this.unsent = false;
				this.send(encoding.toUint8Array(encoder), true);
			}
		} else if (type === syncProtocol.messageYjsSyncStep2 || type === syncProtocol.messageYjsUpdate) {
			Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), this);
			if (type === syncProtocol.messageYjsSyncStep2 && !this.synced) {
				this.synced = true;
				this.emit('synced', []);
			}
		}
		this.setStatus();
	}

	/**
	 * @param {Uint8Array} update
	 * @param {any} origin
	 */
	onDocUpdate(update, origin) {
		if (origin === this) return;
		if (!this.joined || !this.socket.connected) {
			this.unsent = true;
			this.setStatus();
			return;
		}
		if (!this.canEdit) return;
		const encoder = encoding.createEncoder();
		syncProtocol.writeUpdate(encoder, update);
		this.send(encoding.toUint8Array(encoder), true);
	}

	/**
	 * @param {Uint8Array} message
	 * @param {boolean} change whether it carries changes (counted until stored)
	 */
	send(message, change) {
		const generation = this.generation;
		if (change) this.pending++;
		this.setStatus();
		this.socket
			.timeout(ACK_TIMEOUT_MS)
			.emit('collab:sync', { ...this.ref, message: toBase64(message) }, (/** @type {Error | null} */ err, /** @type {Ack} */ res) => {
				if (change && generation === this.generation) this.pending = Math.max(0, this.pending - 1);
				if (this.destroyed) return;
				if (err) {
					// No answer: whatever was lost is in the next sync step 2.
					this.unsent = true;
					this.scheduleResync();
				} else if (!res.ok) {
					this.fail(res, !FINAL_ERRORS.has(res.code));
				}
				this.setStatus();
			});
	}

	/**
	 * @param {{ code: string, error: string }} res
	 * @param {boolean} retry
	 */
	fail(res, retry) {
		this.lastError = { code: res.code, error: res.error };
		this.emit('error', [this.lastError]);
		if (retry) {
			this.unsent = true;
			this.scheduleResync();
		}
		this.setStatus();
	}

	scheduleResync() {
		clearTimeout(this.resyncTimer);
		this.resyncTimer = setTimeout(() => {
			if (this.socket.connected && !this.destroyed) this.join();
		}, RESYNC_DELAY_MS);
	}

	onConnect() {
		this.join();
	}

	onDisconnect() {
		this.generation++;
		this.joined = false;
		this.synced = false;
		this.pending = 0;
		this.unsent = true;
		// Others' cursors are stale now; ours stays, to be sent again after reconnecting.
		const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
		awarenessProtocol.removeAwarenessStates(this.awareness, others, this);
		this.setStatus();
	}

	/** @param {{ itemId: string, field: string, update: unknown }} payload */
	onAwarenessMessage(payload) {
		if (!this.mine(payload) || !this.joined) return;
		awarenessProtocol.applyAwarenessUpdate(this.awareness, toBytes(payload.update), this);
	}

	/**
	 * @param {{ added: number[], updated: number[], removed: number[] }} changes
	 * @param {any} origin
	 */
	onLocalAwareness({ added, updated, removed }, origin) {
		if (origin !== 'local' || !this.joined || !this.socket.connected) return;
		const mine = [...added, ...updated, ...removed].filter((id) => id === this.doc.clientID);
		if (mine.length) this.sendAwareness(mine);
	}

	/** @param {number[]} clients */
	sendAwareness(clients) {
		const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients);
		this.socket.emit('collab:awareness', { ...this.ref, update: toBase64(update) });
	}

	setStatus() {
		/** @type {CollabStatus} */
		let status;
		if (!this.socket.connected) status = 'offline';
		else if (this.lastError && FINAL_ERRORS.has(this.lastError.code)) status = 'error';
		else if (!this.joined) status = 'connecting';
		else if (!this.synced || this.pending > 0 || this.unsent) status = 'syncing';
		else status = 'saved';
		if (status !== this.status) {
			this.status = status;
			this.emit('status', [status]);
		}
	}

	/** Resolves when everything typed so far is stored on the server (for tests and tools). */
	whenSaved(timeoutMs = 10_000) {
		return new Promise((resolve, reject) => {
			if (this.status === 'saved') return resolve(undefined);
			const timer = setTimeout(() => {
				this.off('status', check);
				reject(new Error(`not saved within ${timeoutMs} ms (status ${this.status})`));
			}, timeoutMs);
			const check = (/** @type {CollabStatus} */ s) => {
				if (s !== 'saved') return;
				clearTimeout(timer);
				this.off('status', check);
				resolve(undefined);
			};
			this.on('status', check);
		});
	}

	destroy() {
		if (this.destroyed) return;
		if (this.joined && this.socket.connected) {
			awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], 'local');
			this.socket.emit('collab:leave', this.ref, () => {});
		}
		this.destroyed = true;
		clearTimeout(this.resyncTimer);
		this.socket.off('collab:sync', this.onSync);
		this.socket.off('collab:awareness', this.onAwarenessMessage);
		this.socket.off('connect', this.onConnect);
		this.socket.off('disconnect', this.onDisconnect);
		this.socket.off('realtime:resync', this.scheduleResync);
		this.doc.off('update', this.onDocUpdate);
		this.awareness.off('update', this.onLocalAwareness);
		super.destroy();
	}
}
