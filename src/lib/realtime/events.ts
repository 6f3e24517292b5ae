/**
 * The one map of socket events, shared by server and client. Every client→server event is
 * acknowledged with an `Ack`; every payload is parsed with zod on the server (see validation/realtime.ts).
 */
export type Ack<T = undefined> =
	| { ok: true; data?: T }
	| { ok: false; /** a message key, stable for programs */ code: string; /** in the user's language */ error: string };

/** Rooms a client may ask to join; each join is a permission check. */
export type RoomName = `item:${string}` | `meeting:${string}` | `municipality:${string}`;

export interface ServerToClientEvents {
	/** The server ends this connection on purpose (logout, account disabled). */
	'session:ended': (payload: { reason: 'logout' | 'disabled' | 'expired' }) => void;
	/** Something about the region changed (municipality data). */
	'region:changed': (payload: { municipalityId: string }) => void;
}

export interface ClientToServerEvents {
	'room:join': (payload: { room: RoomName }, ack: (res: Ack) => void) => void;
	'room:leave': (payload: { room: RoomName }, ack: (res: Ack) => void) => void;
}

export interface SocketData {
	userId: string;
	userName: string;
	authSessionId: string;
	locale: string;
}
