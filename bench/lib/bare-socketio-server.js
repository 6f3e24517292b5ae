// bench/coedit's floor (--floor): the least a socket.io server can do for the portal's co-editing protocol.
// One in-memory Y.Doc; a sync step 1 is answered with step 2, every change is applied, relayed to the others
// and acknowledged at once. No sign-in, no checks, no storage. Run as a child process: it tells the bench its
// address over IPC and answers the bench's loop-delay questions.
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { answerLoopDelay } from './loop-delay.js';

const doc = new Y.Doc();
const room = 'doc';
const toWire = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

const http = createServer();
const io = new Server(http, { transports: ['websocket'], serveClient: false });
io.on('connection', (socket) => {
	socket.on('collab:join', async (ref, ack) => {
		await socket.join(room);
		ack({ ok: true, data: { canEdit: true, user: { userId: socket.id, name: 'bench', municipality: null, color: '#000' } } });
	});
	socket.on('collab:awareness', () => {});
	socket.on('collab:sync', ({ itemId, field, message }, ack) => {
		const decoder = decoding.createDecoder(Buffer.from(message, 'base64'));
		const encoder = encoding.createEncoder();
		const type = decoding.readVarUint(decoder);
		if (type === syncProtocol.messageYjsSyncStep1) {
			syncProtocol.writeSyncStep2(encoder, doc, decoding.readVarUint8Array(decoder));
			socket.emit('collab:sync', { itemId, field, message: toWire(encoding.toUint8Array(encoder)) });
		} else {
			Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
			socket.to(room).emit('collab:sync', { itemId, field, message });
		}
		ack({ ok: true });
	});
});

http.listen(0, '127.0.0.1', () => {
	answerLoopDelay();
	process.send({ url: `http://127.0.0.1:${http.address().port}`, cookies: [''], itemId: '00000000-0000-4000-8000-000000000000' });
});
process.once('SIGTERM', () => {
	io.close();
	process.exit(0);
});
