import { currentIo } from '../../realtime/io.js';
import type { CommentChangedEvent, ServerToClientEvents } from '../../../realtime/events';
import { roomFor } from './visibility';

type Emit = (event: string, ...args: unknown[]) => boolean;

function emit<E extends keyof ServerToClientEvents>(room: string, event: E, ...payload: Parameters<ServerToClientEvents[E]>): void {
	const io = currentIo();
	if (!io) return;
	(io.to(room).emit as unknown as Emit)(event, ...payload);
}

/** After commit: to everyone subscribed to the item's comments who may read this one. */
export function publishComment(change: CommentChangedEvent['change'], comment: CommentChangedEvent['comment']): void {
	emit(roomFor(comment), 'comment:changed', { change, comment });
}

export function publishToUser<E extends keyof ServerToClientEvents>(userId: string, event: E, ...payload: Parameters<ServerToClientEvents[E]>): void {
	emit(`user:${userId}`, event, ...payload);
}
