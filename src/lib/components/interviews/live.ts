import { connection } from '$lib/realtime/connection.svelte';
import type { InterviewChangedEvent, InterviewsChangedEvent } from '$lib/interviews/events';

/**
 * Live updates of one interview: joins its room with `interview:join` (the server checks the interview's
 * visibility), again after every reconnect, and then calls `onReconnect` so the page reloads what it missed.
 */
export function joinInterview(interviewId: string, onChange: (e: InterviewChangedEvent) => void, onReconnect: () => void): () => void {
	const socket = connection.start();
	let connectedBefore = socket.connected;
	const join = () => socket.emit('interview:join', { interviewId }, () => {});
	const onConnect = () => {
		join();
		if (connectedBefore) onReconnect();
		connectedBefore = true;
	};
	const handler = (e: InterviewChangedEvent) => {
		if (e.interviewId === interviewId) onChange(e);
	};
	if (socket.connected) join();
	socket.on('connect', onConnect);
	socket.on('interview:changed', handler);
	return () => {
		socket.off('connect', onConnect);
		socket.off('interview:changed', handler);
		if (socket.connected) socket.emit('interview:leave', { interviewId }, () => {});
	};
}

/** Live updates of the inventory overview (the rooms this user may read). */
export function subscribeInventory(onChange: (e: InterviewsChangedEvent) => void, onReconnect: () => void): () => void {
	const socket = connection.start();
	let connectedBefore = socket.connected;
	const subscribe = () => socket.emit('interviews:subscribe', {}, () => {});
	const onConnect = () => {
		subscribe();
		if (connectedBefore) onReconnect();
		connectedBefore = true;
	};
	if (socket.connected) subscribe();
	socket.on('connect', onConnect);
	socket.on('interviews:changed', onChange);
	return () => {
		socket.off('connect', onConnect);
		socket.off('interviews:changed', onChange);
	};
}
