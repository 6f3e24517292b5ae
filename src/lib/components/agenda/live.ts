import { connection } from '$lib/realtime/connection.svelte';
import type { RoomName, ServerToClientEvents } from '$lib/realtime/events';

type Handlers = { [E in keyof ServerToClientEvents]?: ServerToClientEvents[E] };

/**
 * How many parts of the page listen to each room. Several parts share a room (the item page and its decisions
 * panel), and an effect that runs again (after every `invalidateAll`) leaves and rejoins at once: the room is
 * left only when its last listener is gone for good. A `room:leave` followed by a `room:join` would leave the
 * connection outside the room until the server has checked the join, and events sent meanwhile were lost.
 */
const listeners = new Map<RoomName, number>();

/**
 * Joins a room on the page's live connection and listens to some events; joins again after every
 * reconnect and then calls `onReconnect` (events sent while away are lost: reload what the page shows).
 * Returns the function that stops listening (and leaves the room when nothing else on the page listens).
 */
export function joinLive(room: RoomName, handlers: Handlers, onReconnect: () => void): () => void {
	const socket = connection.start();
	let connectedBefore = socket.connected;
	const join = () => socket.emit('room:join', { room }, () => {});
	const onConnect = () => {
		join();
		if (connectedBefore) onReconnect();
		connectedBefore = true;
	};
	const count = listeners.get(room) ?? 0;
	listeners.set(room, count + 1);
	if (socket.connected && count === 0) join();
	socket.on('connect', onConnect);
	const entries = Object.entries(handlers) as [keyof ServerToClientEvents, (...a: unknown[]) => void][];
	for (const [event, fn] of entries) socket.on(event, fn as never);
	return () => {
		socket.off('connect', onConnect);
		for (const [event, fn] of entries) socket.off(event, fn as never);
		listeners.set(room, (listeners.get(room) ?? 1) - 1);
		// After the effects of this update: a listener that comes straight back keeps the room.
		queueMicrotask(() => {
			if ((listeners.get(room) ?? 0) > 0) return;
			listeners.delete(room);
			if (socket.connected) socket.emit('room:leave', { room }, () => {});
		});
	};
}
