import type { Socket } from 'socket.io';
import type { Db } from '../db';
import { authenticate } from '../auth/authenticate';
import { stillValidSessions } from '../auth/auth-session';
import type { Io } from './socket-types';

/** How often a live connection re-checks its login (idle expiry, absolute lifetime, disabled account). */
export const sessionWatch = { recheckMs: 60_000 };

function endExpired(socket: Pick<Socket, 'emit' | 'disconnect'>): void {
	socket.emit('session:ended', { reason: 'expired' });
	// disconnect() without closing the transport, so session:ended is delivered first
	socket.disconnect();
}

/**
 * Re-validates the session behind a socket at most once a minute, on the socket's own traffic, so a
 * session that expired while the page stayed open cannot keep sending. Logout and disabling act at once
 * (see publish.disconnect); this catches the expiries nobody announced.
 */
export function watchSession(db: Db, socket: Socket, token: string): void {
	let checkedAt = Date.now();
	socket.use(async (_packet, next) => {
		if (Date.now() - checkedAt < sessionWatch.recheckMs) return next();
		let auth: Awaited<ReturnType<typeof authenticate>>;
		try {
			auth = await authenticate(db, token);
		} catch {
			// The database is away (a restart): that says nothing about the login. The message goes on (its
			// handler answers "try again" if it needs the database) and the next message checks again.
			return next();
		}
		if (!auth || auth.stage !== 'ok') return endExpired(socket);
		checkedAt = Date.now();
		next();
	});
}

/**
 * The connections that send nothing (a page left open to listen) are checked too: once a minute this node
 * looks up the sessions of all its connections in one query, without extending them, and ends those whose
 * login is over. When the database cannot answer, nobody is disconnected. Returns the way to stop.
 */
export function sweepSessions(io: Io, db: Db): () => void {
	let running = false;
	const sweep = async () => {
		if (running) return;
		running = true;
		try {
			const sockets = [...io.of('/').sockets.values()];
			const valid = await stillValidSessions(
				db,
				sockets.map((s) => s.data.authSessionId)
			);
			for (const socket of sockets) if (socket.connected && !valid.has(socket.data.authSessionId)) endExpired(socket);
		} catch {
			// The database is away (a restart): the next round checks again.
		} finally {
			running = false;
		}
	};
	const timer = setInterval(() => void sweep(), sessionWatch.recheckMs);
	timer.unref();
	return () => clearInterval(timer);
}
