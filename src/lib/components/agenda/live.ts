import { connection } from '$lib/realtime/connection.svelte';
import type { RoomName, ServerToClientEvents } from '$lib/realtime/events';

type Handlers = { [E in keyof ServerToClientEvents]?: ServerToClientEvents[E] };

/**
 * Joins a room on the page's live connection and listens to some events; joins again after every
 * reconnect and then calls `onReconnect` (events sent while away are lost: reload what the page shows).
 * Returns the function that leaves the room and stops listening.
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
	if (socket.connected) join();
	socket.on('connect', onConnect);
	const entries = Object.entries(handlers) as [keyof ServerToClientEvents, (...a: unknown[]) => void][];
	for (const [event, fn] of entries) socket.on(event, fn as never);
	return () => {
		socket.off('connect', onConnect);
		for (const [event, fn] of entries) socket.off(event, fn as never);
		if (socket.connected) socket.emit('room:leave', { room }, () => {});
	};
}
