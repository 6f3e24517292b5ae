import type { Server, Socket } from 'socket.io';
import type { Ack, ClientToServerEvents, ServerToClientEvents, SocketData } from '../../realtime/events';
import { roomSchema } from '../../validation/realtime';
import { authenticate, readCookie, SESSION_COOKIE } from '../auth/authenticate';
import { canJoinRoom } from '../permissions';
import { loadActor } from '../modules/users/actor';
import { startRuntime } from '../runtime';
import type { Db } from '../db';

export type Io = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type Sock = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

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
		socket.data = { userId: auth.user.id, authSessionId: auth.session.id };
		next();
	});
	io.on('connection', (socket) => onConnection(db, socket));
}

function onConnection(db: Db, socket: Sock): void {
	void socket.join([`user:${socket.data.userId}`, `auth-session:${socket.data.authSessionId}`]);
	socket.on('room:join', (payload, ack) => guard(ack, async () => {
		const { room } = roomSchema.parse(payload);
		const actor = await loadActor(db, { id: socket.data.userId, name: '' });
		if (!canJoinRoom(actor, room as never)) return { ok: false, error: 'geen_toegang' };
		await socket.join(room);
		return { ok: true };
	}));
	socket.on('room:leave', (payload, ack) => guard(ack, async () => {
		const { room } = roomSchema.parse(payload);
		await socket.leave(room);
		return { ok: true };
	}));
}

/** Every handler answers, even for malformed input, and never throws into socket.io. */
async function guard(ack: unknown, run: () => Promise<Ack>): Promise<void> {
	const reply = typeof ack === 'function' ? (ack as (r: Ack) => void) : () => {};
	try {
		reply(await run());
	} catch (err) {
		reply({ ok: false, error: err instanceof Error && 'issues' in err ? 'ongeldig_bericht' : 'serverfout' });
	}
}
