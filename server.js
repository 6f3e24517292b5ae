// Production entry: one HTTP server for SvelteKit (adapter-node) and socket.io.
import { createServer } from 'node:http';
import { createIo } from './src/lib/server/realtime/io.js';
import { runShutdown } from './src/lib/server/shutdown.js';
import { idleCollector } from './src/lib/server/idle-collector.js';

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';

// The io exists before the SvelteKit bundle loads: its `init` hook wires the handlers onto it.
const io = createIo();
// adapter-node assumes https:// when neither ORIGIN nor PROTOCOL_HEADER is set, which makes every form
// post on plain http://localhost "cross-site" (403). This server speaks plain HTTP: say so, unforgeably.
const ownProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (ownProtocol) process.env.PROTOCOL_HEADER = 'x-regioportaal-protocol';
const { handler } = await import('./build/handler.js').catch((err) => {
	// A refusal to start that names its reason (the embedded database already in use) is said in one line.
	if (err?.name === 'EmbeddedDatabaseInUse') {
		console.error(err.message);
		process.exit(1);
	}
	throw err;
});
// Opt-in: with several app nodes, every answer (and the live connection's handshake) names the node that
// gave it, so an operator or a test can see where the proxy sent a request.
const nodeName = process.env.NODE_NAME;
const server = createServer((req, res) => {
	if (ownProtocol) req.headers['x-regioportaal-protocol'] = 'http';
	if (nodeName) res.setHeader('X-Regioportaal-Node', nodeName);
	handler(req, res);
});
// The socket.io handshake is an upgrade, which skips the handler above: it gets the same unforgeable header,
// so originAllowed (io.js) compares the Origin with http://<host>.
if (ownProtocol)
	server.on('upgrade', (req) => {
		req.headers['x-regioportaal-protocol'] = 'http';
	});
io.attach(server);
// Requests and live messages are the work after which a quiet server gives its grown heap back; the heartbeats
// of open but idle pages are not (with a hundred of them the server would never count as quiet).
const idle = idleCollector();
server.on('request', idle.touch);
io.engine.on('connection', (socket) => socket.on('packet', (packet) => packet.type === 'message' && idle.touch()));
if (nodeName) io.engine.on('headers', (headers) => (headers['X-Regioportaal-Node'] = nodeName));

server.listen(port, host, () => {
	console.log(`Regioportaal Leidse regio luistert op http://localhost:${port}`);
});

let stopping = false;
async function shutdown(signal) {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: afsluiten…`);
	// No more messages or requests come in; then the app stops (runtime.ts: the open co-editing documents
	// store their last changes and write their snapshot, then the database closes).
	io.close();
	server.closeAllConnections?.();
	await new Promise((resolve) => server.close(resolve));
	await runShutdown();
	process.exit(0);
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
