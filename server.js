// Production entry: one HTTP server for SvelteKit (adapter-node) and socket.io.
import { createServer } from 'node:http';
import { createIo } from './src/lib/server/realtime/io.js';

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';

// The io exists before the SvelteKit bundle loads: its `init` hook wires the handlers onto it.
const io = createIo();
// adapter-node assumes https:// when neither ORIGIN nor PROTOCOL_HEADER is set, which makes every form
// post on plain http://localhost "cross-site" (403). This server speaks plain HTTP: say so, unforgeably.
const ownProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (ownProtocol) process.env.PROTOCOL_HEADER = 'x-regioportaal-protocol';
const { handler } = await import('./build/handler.js');
const server = createServer((req, res) => {
	if (ownProtocol) req.headers['x-regioportaal-protocol'] = 'http';
	handler(req, res);
});
io.attach(server);

server.listen(port, host, () => {
	console.log(`Regioportaal Leidse regio luistert op http://localhost:${port}`);
});

let stopping = false;
async function shutdown(signal) {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: afsluiten…`);
	// Open co-editing documents write their last text snapshot before the database closes.
	await globalThis[Symbol.for('regioportaal.collab.hub')]?.closeAll().catch(() => {});
	io.close();
	server.closeAllConnections?.();
	await new Promise((resolve) => server.close(resolve));
	const rt = await globalThis[Symbol.for('regioportaal.runtime')];
	await rt?.handle.close();
	process.exit(0);
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
