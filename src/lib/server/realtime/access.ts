import { subscribe } from '../bus';
import type { Db } from '../db';
import * as users from '../modules/users';
import { memberRoomsFor, mayStayIn } from './rooms';
import type { Io, Sock } from './socket-types';

type Reason = 'logout' | 'disabled' | 'expired';

/** Ends live connections on purpose: they are told why first, then closed. */
function disconnect(io: Io, room: string, reason: Reason): void {
	io.to(room).emit('session:ended', { reason });
	io.in(room).disconnectSockets(true);
}

/**
 * Takes one connection out of every room its person may no longer be in, and into the member rooms of the
 * municipalities they now belong to. Passive connections are reached too: nothing waits for their traffic.
 */
export async function refreshRooms(db: Db, socket: Pick<Sock, 'id' | 'data' | 'rooms' | 'join' | 'leave'>): Promise<void> {
	const actor = await users.loadActor(db, { id: socket.data.userId, name: socket.data.userName });
	for (const room of [...socket.rooms]) if (!(await mayStayIn(db, actor, room, socket))) await socket.leave(room);
	await socket.join(memberRoomsFor(actor));
}

/** Rights that change take effect at once, on every connection of the person the bus reaches. Returns the way to unsubscribe. */
export function subscribeAccess(io: Io, db: Db): () => void {
	const subscriptions = [
		subscribe('user.access_changed', 'realtime', async ({ userId }) => {
			const sockets = await io.in(`user:${userId}`).fetchSockets();
			for (const socket of sockets) await refreshRooms(db, socket as unknown as Sock);
		}),
		subscribe('user.disabled', 'realtime', ({ userId }) => disconnect(io, `user:${userId}`, 'disabled')),
		subscribe('user.two_factor_reset', 'realtime', ({ userId }) => disconnect(io, `user:${userId}`, 'expired')),
		subscribe('auth.sessions_ended', 'realtime', ({ sessionIds, reason }) => {
			for (const id of sessionIds) disconnect(io, `auth-session:${id}`, reason);
		})
	];
	return () => subscriptions.forEach((unsubscribe) => unsubscribe());
}
