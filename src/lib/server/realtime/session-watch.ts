import type { Socket } from 'socket.io';
import type { Db } from '../db';
import { authenticate } from '../auth/authenticate';

/** How often a live connection re-checks its login (idle expiry, absolute lifetime, disabled account). */
export const sessionWatch = { recheckMs: 60_000 };

/**
 * Re-validates the session behind a socket at most once a minute, on the socket's own traffic, so a
 * session that expired while the page stayed open cannot keep sending. Logout and disabling act at once
 * (see publish.disconnect); this catches the expiries nobody announced.
 */
export function watchSession(db: Db, socket: Socket, token: string): void {
	let checkedAt = Date.now();
	socket.use(async (_packet, next) => {
		if (Date.now() - checkedAt < sessionWatch.recheckMs) return next();
		const auth = await authenticate(db, token).catch(() => null);
		if (!auth || auth.stage !== 'ok') {
			socket.emit('session:ended', { reason: 'expired' });
			// disconnect() without closing the transport, so session:ended is delivered first
			socket.disconnect();
			return;
		}
		checkedAt = Date.now();
		next();
	});
}
