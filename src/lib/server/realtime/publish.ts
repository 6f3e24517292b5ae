import { currentIo } from './io.js';
import type { RoomName, ServerToClientEvents } from '../../realtime/events';

type Room = RoomName | `user:${string}` | `auth-session:${string}` | 'region';

/** Sends an event to a room; called only after the transaction that caused it has committed. */
export function publish<E extends keyof ServerToClientEvents>(
	room: Room,
	event: E,
	...payload: Parameters<ServerToClientEvents[E]>
): void {
	const io = currentIo();
	if (!io) return;
	(io.to(room).emit as (e: string, ...a: unknown[]) => boolean)(event, ...payload);
}

/** Ends the live connections of a user (account disabled) or of one login (logout). */
export function disconnect(room: `user:${string}` | `auth-session:${string}`, reason: 'logout' | 'disabled' | 'expired'): void {
	const io = currentIo();
	if (!io) return;
	io.to(room).emit('session:ended', { reason });
	io.in(room).disconnectSockets(true);
}
