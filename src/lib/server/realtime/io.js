// Plain JavaScript: loaded by server.js (production) and vite.config.ts (development) before any build step.
import { Server } from 'socket.io';

const ioKey = Symbol.for('regioportaal.io');

/**
 * Same-origin only: the Origin header must name this very site, scheme, host and port alike, so a page on
 * http://portal.example cannot speak for https://portal.example. That site is ORIGIN when set (behind a
 * proxy); otherwise the request's own Host (or HOST_HEADER) with the protocol the server speaks: the one
 * PROTOCOL_HEADER names (server.js sets it for plain HTTP), else that of the connection itself.
 * Websocket-only, so every handshake carries an Origin and no sticky sessions are needed across nodes.
 * @param {import('node:http').IncomingMessage} req
 * @param {string | undefined} configured
 * @param {NodeJS.ProcessEnv} env
 */
export function originAllowed(req, configured = process.env.ORIGIN, env = process.env) {
	const origin = req.headers.origin;
	if (!origin) return false;
	/** @param {string | string[] | undefined} value the first of a header's values (a proxy may add a list) */
	const firstValue = (value) => (Array.isArray(value) ? value[0] : value)?.split(',')[0].trim();
	try {
		if (configured) return new URL(origin).origin === new URL(configured).origin;
		const host = firstValue(env.HOST_HEADER ? req.headers[env.HOST_HEADER.toLowerCase()] : req.headers.host);
		const named = env.PROTOCOL_HEADER ? firstValue(req.headers[env.PROTOCOL_HEADER.toLowerCase()]) : undefined;
		const encrypted = /** @type {{ encrypted?: boolean }} */ (req.socket ?? {}).encrypted;
		const protocol = named ?? (encrypted ? 'https' : 'http');
		if (!host || !/^https?$/.test(protocol)) return false;
		return new URL(origin).origin === new URL(`${protocol}://${host}`).origin;
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
