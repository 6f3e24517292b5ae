// Production entry: one HTTP server for SvelteKit (adapter-node) and socket.io.
import { createServer } from 'node:http';
import { createIo } from './src/lib/server/realtime/io.js';

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';

// The io exists before the SvelteKit bundle loads: its `init` hook wires the handlers onto it.
const io = createIo();
const { handler } = await import('./build/handler.js');
const server = createServer(handler);
io.attach(server);

server.listen(port, host, () => {
	console.log(`Regioportaal Leidse regio luistert op http://localhost:${port}`);
});

let stopping = false;
async function shutdown(signal) {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: afsluiten…`);
	io.close();
	server.closeAllConnections?.();
	await new Promise((resolve) => server.close(resolve));
	const rt = await globalThis[Symbol.for('regioportaal.runtime')];
	await rt?.handle.close();
	process.exit(0);
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
