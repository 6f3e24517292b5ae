import * as Y from 'yjs';
import { and, eq } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import { retryRefusedHandshake } from '../../../src/lib/realtime/handshake';
import { SocketIoYjsProvider } from '../../../src/lib/components/collab/socket-provider.js';
import { itemDocumentUpdates } from '../../../src/lib/server/db/schema';
import type { Db } from '../../../src/lib/server/db';
import { fragmentToSnapshot } from '../../../src/lib/server/modules/collaboration/html';
import { currentHub, type CollabHub, type CollabOptions } from '../../../src/lib/server/realtime/yjs-documents';
import type { RichTextField } from '../../../src/lib/validation/collab';
import type { TestDb } from '../../fixtures/db';
import { sessionCookie, startRealtimeServer, type RealtimeServer } from '../../fixtures/realtime-server';

export interface CollabServer extends RealtimeServer {
	hub: CollabHub;
	/** Stores what is pending, then stops the server (as a shutdown would). */
	stop(): Promise<void>;
}

/** Fast timers for tests; everything else as in production. */
export const testOptions: Partial<CollabOptions> = {
	snapshotDebounceMs: 50,
	snapshotMaxWaitMs: 500,
	versionPauseMs: 60_000,
	unloadDelayMs: 50
};

export async function startCollabServer(t: TestDb, options: Partial<CollabOptions> = {}): Promise<CollabServer> {
	const server = await startRealtimeServer(t);
	const hub = currentHub();
	if (!hub || hub.io !== (server.io as unknown)) throw new Error('the realtime setup did not create a collaboration hub');
	Object.assign(hub.options, testOptions, options);
	return {
		...server,
		hub,
		stop: async () => {
			await hub.closeAll();
			await server.close();
		}
	};
}

export interface TestEditor {
	socket: Socket;
	doc: Y.Doc;
	provider: SocketIoYjsProvider;
	field: RichTextField;
	text(): string;
	html(): string;
	/** Types `s` at `offset` of the first paragraph (as Tiptap would: paragraph → text). */
	type(s: string, offset?: number): void;
	close(): void;
}

/** A socket as the page opens it, with reconnection (for the offline tests). */
export function pageSocket(url: string, cookie: string): Socket {
	const socket = connect(url, {
		transports: ['websocket'],
		extraHeaders: { origin: url, cookie },
		forceNew: true,
		reconnectionDelay: 50,
		reconnectionDelayMax: 200
	});
	// As the page: a handshake refused because the login could not be checked is tried again.
	retryRefusedHandshake(socket, () => {});
	return socket;
}

/** A Node client running the same provider as the browser editor; resolves when joined and synced. */
export async function openEditor(
	server: { url: string },
	t: TestDb,
	userId: string,
	itemId: string,
	field: RichTextField = 'description'
): Promise<TestEditor> {
	const { cookie } = await sessionCookie(t, userId);
	const socket = pageSocket(server.url, cookie);
	const doc = new Y.Doc();
	const provider = new SocketIoYjsProvider(socket, doc, { itemId, field });
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`editor did not sync (status ${provider.status})`)), 10_000);
		provider.on('synced', () => {
			clearTimeout(timer);
			resolve();
		});
		provider.on('error', (e: { code: string }) => {
			if (!provider.joined) {
				clearTimeout(timer);
				reject(Object.assign(new Error(e.code), e));
			}
		});
	}).catch((err) => {
		provider.destroy();
		socket.close();
		throw err;
	});
	const fragment = doc.getXmlFragment(field);
	return {
		socket,
		doc,
		provider,
		field,
		text: () => fragmentToSnapshot(fragment).text,
		html: () => fragmentToSnapshot(fragment).html,
		type: (s, offset) => typeInto(doc, field, s, offset),
		close: () => {
			provider.destroy();
			socket.close();
			doc.destroy();
		}
	};
}

export function typeInto(doc: Y.Doc, field: RichTextField, s: string, offset?: number, attributes?: Record<string, unknown>): void {
	const fragment = doc.getXmlFragment(field);
	doc.transact(() => {
		if (fragment.length === 0) {
			const p = new Y.XmlElement('paragraph');
			p.insert(0, [new Y.XmlText()]);
			fragment.insert(0, [p]);
		}
		const p = fragment.get(0) as Y.XmlElement;
		const text = p.get(0) as Y.XmlText;
		const at = Math.min(offset ?? text.length, text.length);
		text.insert(at, s, attributes);
	});
}

/** Waits until `check` holds (polling), or fails with what it last saw. */
export async function eventually<T>(read: () => T | Promise<T>, check: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
	const until = Date.now() + timeoutMs;
	let last: T = await read();
	while (!check(last)) {
		if (Date.now() > until) throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
		await new Promise((r) => setTimeout(r, 20));
		last = await read();
	}
	return last;
}

/** The text the stored rows of a document give when replayed into a fresh Y.Doc (what a restart would load). */
export async function storedText(db: Db, itemId: string, field: RichTextField = 'description'): Promise<string> {
	const rows = await storedRows(db, itemId, field);
	const doc = new Y.Doc();
	for (const r of rows) Y.applyUpdate(doc, r.update);
	const text = fragmentToSnapshot(doc.getXmlFragment(field)).text;
	doc.destroy();
	return text;
}

export function storedRows(db: Db, itemId: string, field: RichTextField = 'description') {
	return db
		.select()
		.from(itemDocumentUpdates)
		.where(and(eq(itemDocumentUpdates.itemId, itemId), eq(itemDocumentUpdates.field, field)))
		.orderBy(itemDocumentUpdates.id);
}

/** Sends one raw event and returns the acknowledgement. */
export function ask(socket: Socket, event: string, payload: unknown): Promise<{ ok: boolean; code?: string; error?: string; data?: any }> {
	return new Promise((resolve) =>
		socket.timeout(10_000).emit(event, payload, (err: Error | null, res: any) => resolve(err ? { ok: false, code: 'timeout' } : res))
	);
}
