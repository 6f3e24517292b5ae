import { connection, type PortalSocket } from '$lib/realtime/connection.svelte';
import type { RoomName, ServerToClientEvents } from '$lib/realtime/events';

export type LiveHandlers = { [E in keyof ServerToClientEvents]?: ServerToClientEvents[E] };

export interface LiveRoomOptions {
	/** Listeners with the same key share one membership of the room on the server. */
	key: string;
	/** Sends the join (any event and payload); on the first listener and, for every listener, after every reconnect. */
	join: (socket: PortalSocket) => void;
	/** Sends the leave once the last listener is gone; without it the membership lasts until the connection ends. */
	leave?: (socket: PortalSocket) => void;
	/** Server events to listen to while this listener is held. */
	on?: LiveHandlers;
	/** After a reconnect (events sent while away are lost): the caller reloads or catches up what it shows. */
	onReconnect?: () => void;
}

/**
 * How many listeners each room has on the page. Several parts share a room (the item page and its decisions
 * panel), and an effect that runs again (after every `invalidateAll`) releases and holds again at once: the room is
 * left only when its last listener is gone for good. A leave followed by a join would leave the connection outside
 * the room until the server has checked the join, and events sent meanwhile were lost.
 */
const listeners = new Map<string, number>();

/** A resync asked for by the server happens within this long (at random). */
export const RESYNC_SPREAD_MS = 2000;

/**
 * Holds a live room on the page's connection: joins it, joins again after every reconnect (then calls
 * `onReconnect`) and listens to `on`. Returns the release, which leaves the room when nothing else on the page
 * listens to it.
 */
export function holdRoom({ key, join, leave, on = {}, onReconnect }: LiveRoomOptions): () => void {
	const socket = connection.start();
	let connectedBefore = socket.connected;
	const onConnect = () => {
		join(socket);
		if (connectedBefore) onReconnect?.();
		connectedBefore = true;
	};
	// Events lost between app nodes: the same catch-up as after a reconnect, spread over a moment so that not
	// every page on a node asks at once.
	let resyncTimer: ReturnType<typeof setTimeout> | undefined;
	const onResync = () => {
		clearTimeout(resyncTimer);
		resyncTimer = setTimeout(() => {
			if (!socket.connected) return;
			join(socket);
			onReconnect?.();
		}, Math.random() * RESYNC_SPREAD_MS);
	};
	const count = listeners.get(key) ?? 0;
	listeners.set(key, count + 1);
	if (socket.connected && count === 0) join(socket);
	socket.on('connect', onConnect);
	socket.on('realtime:resync', onResync);
	const entries = Object.entries(on) as [keyof ServerToClientEvents, (...a: unknown[]) => void][];
	for (const [event, fn] of entries) socket.on(event, fn as never);
	return () => {
		socket.off('connect', onConnect);
		socket.off('realtime:resync', onResync);
		clearTimeout(resyncTimer);
		for (const [event, fn] of entries) socket.off(event, fn as never);
		listeners.set(key, (listeners.get(key) ?? 1) - 1);
		// After the effects of this update: a listener that comes straight back keeps the room.
		queueMicrotask(() => {
			if ((listeners.get(key) ?? 0) > 0) return;
			listeners.delete(key);
			if (socket.connected) leave?.(socket);
		});
	};
}

/** Holds a named room (`room:join` / `room:leave`): the agenda, an item, a municipality. */
export function joinLive(room: RoomName, on: LiveHandlers, onReconnect: () => void): () => void {
	return holdRoom({
		key: `room ${room}`,
		join: (socket) => socket.emit('room:join', { room }, () => {}),
		leave: (socket) => socket.emit('room:leave', { room }, () => {}),
		on,
		onReconnect
	});
}
