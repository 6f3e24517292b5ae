import { DomainError } from '../errors';
import type { RoomName } from '../../realtime/events';
import { handshakeRefusal } from '../../realtime/handshake';
import type { Io, Sock } from './socket-types';
import { actorHandler, refusal, reply } from './ack';
import { roomSchema } from '../../validation/realtime';
import { authenticate, readCookie, SESSION_COOKIE } from '../auth/authenticate';
import { canJoinRoom, type Actor } from '../permissions';
import * as users from '../modules/users';
import { startRuntime } from '../runtime';
import { sweepSessions, watchSession } from './session-watch';
import { joinCluster } from './cluster';
import { setupCollaboration } from './yjs-handlers';
import { registerCommentHandlers } from './comment-handlers';
import { registerMeetingHandlers } from './meeting-handlers';
import { registerInterviewHandlers } from './interview-handlers';
import { subscribeRealtime } from './subscribers';
import { subscribeAccess } from './access';
import { memberRoomsFor } from './rooms';
import type { Db } from '../db';
import { withinTime } from '../db/unavailable';

export type { Io };

const done = Symbol.for('regioportaal.realtime.setup');
const leave = Symbol.for('regioportaal.realtime.cluster');
const stopSweep = Symbol.for('regioportaal.realtime.sweep');

/** How long the handshake waits for the login check before it says "try again" (the database hangs). */
const HANDSHAKE_CHECK_MS = 5_000;

type Marked = Io & { [done]?: boolean; [leave]?: () => Promise<void>; [stopSweep]?: () => void };

/** Stops what setupRealtime started beside the io itself (tests that start several servers in one process). */
export async function teardownRealtime(io: Io): Promise<void> {
	const marked = io as Marked;
	marked[stopSweep]?.();
	await marked[leave]?.();
}

/**
 * Authenticates every handshake with the page's session cookie, wires the event handlers and subscribes
 * the socket rooms to the bus (once per io).
 */
export async function setupRealtime(io: Io): Promise<void> {
	const marked = io as Marked;
	if (marked[done]) return;
	marked[done] = true;
	const { db, handle } = await startRuntime();
	// Several app nodes share one PostgreSQL: the adapter carries rooms and node messages between them.
	if (handle.kind === 'postgres' && handle.url) {
		marked[leave] = joinCluster(io, handle.url, {
			// This node's pages may have missed what the lost node committed last; every page missed what this node dropped.
			nodeLost: () => void io.local.emit('realtime:resync', { reason: 'node_lost' }),
			recovered: () => void io.emit('realtime:resync', { reason: 'messages_lost' })
		});
	}
	io.use(async (socket, next) => {
		const token = readCookie(socket.request.headers.cookie, SESSION_COOKIE);
		// A login that cannot be checked (the database is restarting) is not a login that is over: the page tries again.
		// A handshake is never left unanswered: socket.io-client gives a pending one no time limit of its own.
		const auth = await withinTime(authenticate(db, token), HANDSHAKE_CHECK_MS).catch(() => handshakeRefusal.tryAgain);
		if (auth === handshakeRefusal.tryAgain) return next(new Error(handshakeRefusal.tryAgain));
		if (!auth || auth.stage !== 'ok') return next(new Error(handshakeRefusal.loginOver));
		const locale = readCookie(socket.request.headers.cookie, 'PARAGLIDE_LOCALE') ?? auth.user.locale;
		socket.data = { userId: auth.user.id, userName: auth.user.name, authSessionId: auth.session.id, locale };
		watchSession(db, socket, token as string);
		next();
	});
	marked[stopSweep] = sweepSessions(io, db);
	subscribeRealtime(io, db);
	subscribeAccess(io, db);
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
	const { locale } = socket.data;
	const actor = (): Promise<Actor> => users.loadActor(db, { id: socket.data.userId, name: socket.data.userName });
	const on = actorHandler(locale, actor);
	void socket.join([`user:${socket.data.userId}`, `auth-session:${socket.data.authSessionId}`, 'region']);
	void actor()
		.then((who) => socket.join(memberRoomsFor(who)))
		.catch((err) => console.error('realtime: member rooms not joined', err));
	socket.on(
		'room:join',
		on(async (payload, who) => {
			const { room } = roomSchema.parse(payload);
			if (!canJoinRoom(who, room as RoomName)) throw new DomainError('error_forbidden_action', {}, {}, 403);
			await socket.join(room);
			return undefined;
		})
	);
	socket.on(
		'room:leave',
		on(async (payload) => {
			const { room } = roomSchema.parse(payload);
			await socket.leave(room);
			return undefined;
		})
	);
	// An event name nobody handles is answered too, so a client never waits in vain.
	socket.onAny((event: string, ...args: unknown[]) => {
		if (socket.listeners(event as never).length === 0) reply(args.at(-1), refusal('error_socket_message', locale));
	});
}
