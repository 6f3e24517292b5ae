import type { RoomName } from '../../realtime/events';
import type { Io, Sock } from './socket-types';
import { answer, refusal } from './ack';
import { roomSchema } from '../../validation/realtime';
import { authenticate, readCookie, SESSION_COOKIE } from '../auth/authenticate';
import { canJoinRoom } from '../permissions';
import { loadActor } from '../modules/users';
import { startRuntime } from '../runtime';
import { watchSession } from './session-watch';
import { setupCollaboration } from './yjs-handlers';
import { registerCommentHandlers } from './comment-handlers';
import { registerMeetingHandlers } from './meeting-handlers';
import { registerInterviewHandlers } from './interview-handlers';
import { subscribeRealtime } from './subscribers';
import type { Db } from '../db';

export type { Io };

const done = Symbol.for('regioportaal.realtime.setup');

/** Authenticates every handshake with the page's session cookie and wires the event handlers (once per io). */
export async function setupRealtime(io: Io): Promise<void> {
	const marked = io as Io & { [done]?: boolean };
	if (marked[done]) return;
	marked[done] = true;
	const { db } = await startRuntime();
	io.use(async (socket, next) => {
		const token = readCookie(socket.request.headers.cookie, SESSION_COOKIE);
		const auth = await authenticate(db, token).catch(() => null);
		if (!auth || auth.stage !== 'ok') return next(new Error('niet_ingelogd'));
		const locale = readCookie(socket.request.headers.cookie, 'PARAGLIDE_LOCALE') ?? auth.user.locale;
		socket.data = { userId: auth.user.id, userName: auth.user.name, authSessionId: auth.session.id, locale };
		watchSession(db, socket, token as string);
		next();
	});
	subscribeRealtime(io);
	const collab = setupCollaboration(io, db);
	registerCommentHandlers(io, db);
	registerMeetingHandlers(io, db);
	registerInterviewHandlers(io, db);
	io.on('connection', (socket) => {
		onConnection(db, socket);
		collab.attach(socket);
	});
}

function onConnection(db: Db, socket: Sock): void {
	void socket.join([`user:${socket.data.userId}`, `auth-session:${socket.data.authSessionId}`, 'region']);
	const { locale } = socket.data;
	socket.on('room:join', (payload, ack) =>
		answer(ack, locale, async () => {
			const { room } = roomSchema.parse(payload);
			const actor = await loadActor(db, { id: socket.data.userId, name: socket.data.userName });
			if (!canJoinRoom(actor, room as RoomName)) return refusal('error_forbidden_action', locale);
			await socket.join(room);
			return { ok: true };
		})
	);
	socket.on('room:leave', (payload, ack) =>
		answer(ack, locale, async () => {
			const { room } = roomSchema.parse(payload);
			await socket.leave(room);
			return { ok: true };
		})
	);
	// An event name nobody handles is answered too, so a client never waits in vain.
	socket.onAny((event: string, ...args: unknown[]) => {
		if (socket.listeners(event as never).length === 0) void answer(args.at(-1), locale, async () => refusal('error_socket_message', locale));
	});
}
