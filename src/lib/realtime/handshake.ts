import type { Socket } from 'socket.io-client';

/**
 * Why the server refused a connection in its handshake. Only `loginOver` is final: the session behind the
 * cookie is gone, expired or still owes its second factor. `tryAgain` says the login could not be checked
 * (the database is restarting): nothing is known against it.
 */
export const handshakeRefusal = { loginOver: 'niet_ingelogd', tryAgain: 'opnieuw_proberen' } as const;

/** The pause before a refused handshake is tried again: 1–2 s, spread so reconnecting pages do not arrive at once. */
const retryDelay = () => 1_000 + Math.random() * 1_000;

/**
 * socket.io reconnects by itself after a lost connection, but not after the server's handshake refused it
 * (the socket stays closed for good). The page must not stay "reconnecting" forever because a reconnect fell
 * in a database restart: any refusal but `loginOver` is tried again after a pause; `loginOver` calls
 * `onLoginOver` (the page goes to the login page). Returns the way to stop.
 */
export function retryRefusedHandshake(socket: Pick<Socket, 'on' | 'off' | 'connect' | 'active'>, onLoginOver: () => void, delay = retryDelay): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const refused = (err: Error) => {
		// Still active: a lost transport, which socket.io retries itself.
		if (socket.active) return;
		if (err.message === handshakeRefusal.loginOver) return onLoginOver();
		clearTimeout(timer);
		timer = setTimeout(() => socket.connect(), delay());
	};
	socket.on('connect_error', refused);
	return () => {
		clearTimeout(timer);
		socket.off('connect_error', refused);
	};
}
