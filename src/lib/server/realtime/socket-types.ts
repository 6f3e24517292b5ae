import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../../realtime/events';
import type { Origin } from '../modules/audit';

/** The typed socket.io server and socket every realtime handler works with. */
export type Io = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type Sock = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Where a socket's writes come from, for the audit trail (same shape as a page request's origin). */
export function originOf(socket: Sock): Origin {
	const ua = socket.handshake.headers['user-agent'];
	return { ip: socket.handshake.address || null, userAgent: typeof ua === 'string' ? ua : null };
}
