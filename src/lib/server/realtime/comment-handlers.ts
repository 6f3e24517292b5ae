import { actorHandler } from './ack';
import { originOf, type Io, type Sock } from './socket-types';
import { can, type Actor } from '../permissions';
import * as users from '../modules/users';
import * as comments from '../modules/comments';
import { itemRefSchema, typingSchema } from '../../validation/comments';
import type { Db } from '../db';
import { commentRoomFor, commentRoomsFor } from './rooms';

/**
 * Socket handlers for comments: thin (parse, call the comments module, acknowledge). Every command is
 * answered, after the commit for writes; a refusal carries the reason and nothing is stored.
 */
export function registerCommentHandlers(io: Io, db: Db): void {
	io.on('connection', (socket) => attach(db, socket));
}

function attach(db: Db, socket: Sock): void {
	const origin = originOf(socket);
	const actor = (): Promise<Actor> => users.loadActor(db, { id: socket.data.userId, name: socket.data.userName });
	const lastTyping = new Map<string, number>();
	const on = actorHandler(socket.data.locale, actor);

	socket.on(
		'comments:subscribe',
		on(async (payload, who) => {
			const { itemId } = itemRefSchema.parse(payload);
			// Reading the list is the permission check (item.read, the item exists).
			const { seq } = await comments.commentsSince(db, who, { itemId, after: 2_147_483_647 });
			await socket.join(commentRoomsFor(itemId, who));
			return { seq };
		})
	);
	socket.on(
		'comments:unsubscribe',
		on(async (payload) => {
			const { itemId } = itemRefSchema.parse(payload);
			for (const room of socket.rooms) if (room === `comments:${itemId}` || room.startsWith(`comments:${itemId}:`)) await socket.leave(room);
			return undefined;
		})
	);
	socket.on(
		'comments:since',
		on((payload, who) => comments.commentsSince(db, who, payload))
	);
	socket.on(
		'comment:post',
		on((payload, who) => comments.postComment(db, who, payload, origin))
	);
	socket.on(
		'comment:edit',
		on((payload, who) => comments.editComment(db, who, payload, origin))
	);
	socket.on(
		'comment:delete',
		on((payload, who) => comments.deleteComment(db, who, payload, origin))
	);
	socket.on(
		'comment:resolve',
		on((payload, who) => comments.resolveThread(db, who, payload, origin))
	);
	socket.on(
		'comment:typing',
		on(async (payload, who) => {
			const { itemId, parentId } = typingSchema.parse(payload);
			if (!can(who, 'item.comment') || !socket.rooms.has(`comments:${itemId}`)) return undefined;
			const key = `${itemId}:${parentId ?? ''}`;
			const now = Date.now();
			if (now - (lastTyping.get(key) ?? 0) < 1000) return undefined;
			lastTyping.set(key, now);
			// Typing in an internal thread is only shown to that municipality.
			const audience = await comments.threadAudience(db, who, itemId, parentId);
			if (audience) socket.to(commentRoomFor(audience)).emit('comment:typing', { itemId, parentId, user: { id: who.userId, name: who.name } });
			return undefined;
		})
	);
}
