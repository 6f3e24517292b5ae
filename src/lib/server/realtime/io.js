// Plain JavaScript: loaded by server.js (production) and vite.config.ts (development) before any build step.
import { Server } from 'socket.io';

const ioKey = Symbol.for('regioportaal.io');

/**
 * Same-origin only: the Origin header must name this very host (or ORIGIN when set behind a proxy).
 * Websocket-only, so every handshake carries an Origin and no sticky sessions are needed across nodes.
 * @param {import('node:http').IncomingMessage} req
 * @param {string | undefined} configured
 */
export function originAllowed(req, configured = process.env.ORIGIN) {
	const origin = req.headers.origin;
	if (!origin) return false;
	if (configured && origin === new URL(configured).origin) return true;
	try {
		return new URL(origin).host === req.headers.host;
	} catch {
		return false;
	}
}

/** Creates the one socket.io server of this process and makes it reachable for publish(). */
export function createIo() {
	const io = new Server({
		transports: ['websocket'],
		maxHttpBufferSize: 1_000_000,
		serveClient: false,
		allowRequest: (req, callback) => callback(null, originAllowed(req))
	});
	/** @type {any} */ (globalThis)[ioKey] = io;
	return io;
}

/** @returns {Server | undefined} */
export function currentIo() {
	return /** @type {any} */ (globalThis)[ioKey];
}
