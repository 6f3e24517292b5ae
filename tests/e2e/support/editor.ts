import * as Y from 'yjs';
import { SocketIoYjsProvider } from '../../../src/lib/components/collab/socket-provider.js';
import { fragmentToSnapshot } from '../../../src/lib/server/modules/collaboration/html';
import { pageSocket } from '../../integration/collab/helpers';

/** A co-editor of an item's description outside the browser (the browser's own provider), synced before it returns. */
export async function syncedEditor(url: string, cookie: string, itemId: string) {
	const socket = pageSocket(url, cookie);
	const doc = new Y.Doc();
	const provider = new SocketIoYjsProvider(socket, doc, { itemId, field: 'description' });
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`editor did not sync (${provider.status})`)), 15_000);
		provider.on('synced', () => {
			clearTimeout(timer);
			resolve();
		});
	});
	return {
		doc,
		provider,
		text: () => fragmentToSnapshot(doc.getXmlFragment('description')).text,
		close: () => (provider.destroy(), socket.close(), doc.destroy())
	};
}
