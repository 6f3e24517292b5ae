import type { Server, Socket } from 'socket.io';
import type { Ack, ClientToServerEvents, ServerToClientEvents, SocketData } from '../../realtime/events';
import { ackForError, refusal } from './ack';
import { ValidationError } from '../errors';
import type { Actor } from '../permissions';
import { loadActor } from '../modules/users/actor';
import type { Origin } from '../modules/audit/record';
import * as meetings from '../modules/meetings';
import { driveSchema, meetingRefSchema } from '../../validation/meetings';
import type { MeetingState } from '../../meetings/live';
import type { Db } from '../db';

type Io = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type Sock = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * Socket handlers for klankbordgroep sessions: thin (parse, call the meetings module, acknowledge with the
 * new state after commit). Only the chair drives; a refusal names its reason and changes nothing.
 */
export function registerMeetingHandlers(io: Io, db: Db): void {
	io.on('connection', (socket) => attach(db, socket));
}

function originOf(socket: Sock): Origin {
	const ua = socket.handshake.headers['user-agent'];
	return { ip: socket.handshake.address || null, userAgent: typeof ua === 'string' ? ua : null };
}

/** A validation failure names its first reason (e.g. `validation_meeting_action_owner`). */
function ackFor(err: unknown, locale: string): Ack<never> {
	if (err instanceof ValidationError) {
		const key = Object.values(err.fields)[0];
		return refusal(key && key !== 'validation_invalid' ? key : 'error_socket_message', locale);
	}
	return ackForError(err, locale);
}

type Command = (db: Db, actor: Actor | null, input: unknown, origin: Origin) => Promise<MeetingState>;

/** The chair's controls, by action. */
function drive(db: Db, who: Actor, payload: unknown, origin: Origin): Promise<MeetingState> {
	const { meetingId, action, entryId } = driveSchema.parse(payload);
	switch (action) {
		case 'start':
			return meetings.startLive(db, who, { meetingId }, origin);
		case 'goto':
			return meetings.moveTo(db, who, { meetingId, to: 'entry', entryId }, origin);
		case 'next':
		case 'previous':
			return meetings.moveTo(db, who, { meetingId, to: action }, origin);
		case 'pause':
		case 'resume':
			return meetings.setTimer(db, who, { meetingId, running: action === 'resume' }, origin);
		case 'close':
			return meetings.closeMeeting(db, who, { meetingId }, origin);
	}
}

function attach(db: Db, socket: Sock): void {
	const { locale } = socket.data;
	const origin = originOf(socket);
	const actor = (): Promise<Actor> => loadActor(db, { id: socket.data.userId, name: socket.data.userName });

	function on<T>(run: (payload: unknown, who: Actor) => Promise<T>) {
		return async (payload: unknown, ack?: unknown) => {
			const reply = typeof ack === 'function' ? (ack as (r: Ack<T>) => void) : () => {};
			try {
				const data = await run(payload, await actor());
				reply(data === undefined ? { ok: true } : { ok: true, data });
			} catch (err) {
				reply(ackFor(err, locale));
			}
		};
	}
	const command = (fn: Command) => on((payload, who) => fn(db, who, payload, origin));

	socket.on(
		'meeting:join',
		on(async (payload, who) => {
			const { meetingId } = meetingRefSchema.parse(payload);
			// Reading the state is the permission check (meeting.read, the session exists).
			const state = await meetings.meetingState(db, who, meetingId);
			await socket.join(`meeting:${meetingId}`);
			return { ...state, serverNow: new Date().toISOString() };
		})
	);
	socket.on(
		'meeting:leave',
		on(async (payload) => {
			const { meetingId } = meetingRefSchema.parse(payload);
			await socket.leave(`meeting:${meetingId}`);
			return undefined;
		})
	);
	socket.on(
		'meeting:drive',
		on((payload, who) => drive(db, who, payload, origin))
	);
	socket.on('meeting:checkin', command(meetings.checkIn));
	socket.on('meeting:temperature', command(meetings.giveTemperature));
	socket.on('meeting:minute', command(meetings.writeMinute));
	socket.on('meeting:minute-delete', command(meetings.deleteMinute));
}
