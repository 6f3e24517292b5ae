// The simulated editors' connection to each server: a Y.Doc kept in sync by the portal's own client provider
// over socket.io, or by HocuspocusProvider over a bare WebSocket. Used by the editor threads and, for the late
// joiner, by the bench itself.

/** Returns connect(i) → { doc, synced, close } for the server the bench started (the floor speaks the portal's protocol). */
export async function connectorFor(kind, server) {
	return kind === 'hocuspocus' ? hocuspocusClients(server) : portalClients(server);
}

/** With several app nodes (`urls`), editor i connects to node i mod n: half of every keystroke's readers are on the other node. */
async function portalClients({ url, urls = [url], cookies, itemId }) {
	const Y = await import('yjs');
	const { io } = await import('socket.io-client');
	const { SocketIoYjsProvider } = await import('../../src/lib/components/collab/socket-provider.js');
	return async (i) => {
		const node = urls[i % urls.length];
		const socket = io(node, { transports: ['websocket'], extraHeaders: { origin: node, cookie: cookies[i % cookies.length] }, forceNew: true });
		const doc = new Y.Doc();
		const provider = new SocketIoYjsProvider(socket, doc, { itemId, field: 'description' });
		const synced = new Promise((resolve, reject) => {
			provider.on('synced', resolve);
			provider.on('error', (e) => reject(new Error(e.code)));
		});
		return {
			doc,
			synced,
			close: async () => {
				provider.destroy();
				socket.close();
			}
		};
	};
}

async function hocuspocusClients({ url }) {
	const Y = await import('yjs');
	const { HocuspocusProvider } = await import('@hocuspocus/provider');
	const { WebSocket } = await import('ws');
	return async () => {
		const doc = new Y.Doc();
		let provider;
		const synced = new Promise((resolve) => {
			provider = new HocuspocusProvider({ url, name: 'agenda-item-description', document: doc, WebSocketPolyfill: WebSocket, onSynced: () => resolve() });
		});
		return {
			doc,
			synced,
			close: async () => {
				provider.destroy();
			}
		};
	};
}

/** The shared paragraph's text, as Tiptap lays it out: fragment → paragraph → text. */
export const textOf = (doc) => doc.getXmlFragment('description').toString();

/** A clock that all threads of the bench share (monotonic, in ms). */
export const now = () => Number(process.hrtime.bigint()) / 1e6;

export async function until(check, timeoutMs, what) {
	const end = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 25));
	}
}
