import { actorHandler } from './ack';
import { originOf, type Io, type Sock } from './socket-types';
import type { Actor } from '../permissions';
import { loadActor } from '../modules/users';
import type { Origin } from '../modules/audit';
import * as meetings from '../modules/meetings';
import { driveSchema, meetingRefSchema } from '../../validation/meetings';
import type { MeetingState } from '../../meetings/live';
import type { Db } from '../db';

/**
 * Socket handlers for klankbordgroep sessions: thin (parse, call the meetings module, acknowledge with the
 * new state after commit). Only the chair drives; a refusal names its reason and changes nothing.
 */
export function registerMeetingHandlers(io: Io, db: Db): void {
	io.on('connection', (socket) => attach(db, socket));
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

	const on = actorHandler(locale, actor);
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
