import { holdRoom } from '$lib/realtime/live-room';
import type { InterviewChangedEvent, InterviewsChangedEvent } from '$lib/interviews/events';

/**
 * Live updates of one interview: joins its room with `interview:join` (the server checks the interview's
 * visibility), again after every reconnect, and then calls `onReconnect` so the page reloads what it missed.
 */
export function joinInterview(interviewId: string, onChange: (e: InterviewChangedEvent) => void, onReconnect: () => void): () => void {
	return holdRoom({
		key: `interview ${interviewId}`,
		join: (socket) => socket.emit('interview:join', { interviewId }, () => {}),
		leave: (socket) => socket.emit('interview:leave', { interviewId }, () => {}),
		on: {
			'interview:changed': (e) => {
				if (e.interviewId === interviewId) onChange(e);
			}
		},
		onReconnect
	});
}

/** Live updates of the inventory overview (the rooms this user may read; the server has no leave for them). */
export function subscribeInventory(onChange: (e: InterviewsChangedEvent) => void, onReconnect: () => void): () => void {
	return holdRoom({
		key: 'interviews',
		join: (socket) => socket.emit('interviews:subscribe', {}, () => {}),
		on: { 'interviews:changed': onChange },
		onReconnect
	});
}
