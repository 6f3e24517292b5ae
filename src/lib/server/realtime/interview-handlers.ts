import { z } from 'zod';
import { DomainError } from '../errors';
import { actorHandler } from './ack';
import type { Io, Sock } from './socket-types';
import { canJoinRoom, type Actor } from '../permissions';
import * as users from '../modules/users';
import * as interviews from '../modules/interviews';
import type { Db } from '../db';
import { interviewOverviewRoomsFor, interviewRoom } from './rooms';

const refSchema = z.object({ interviewId: z.uuid() });

/**
 * Socket handlers of the interviews. An interview's room is joined only here, after the interview's
 * visibility was checked with the module's one rule; the generic `room:join` refuses `interview:*` rooms.
 * Unknown and invisible interviews get the same refusal, so a confidential one is never confirmed.
 */
export function registerInterviewHandlers(io: Io, db: Db): void {
	io.on('connection', (socket) => attach(db, socket));
}

const notFound = () => new DomainError('interviews_not_found', {}, {}, 404);

function attach(db: Db, socket: Sock): void {
	const actor = (): Promise<Actor> => users.loadActor(db, { id: socket.data.userId, name: socket.data.userName });
	const on = actorHandler(socket.data.locale, actor);

	socket.on(
		'interview:join',
		on(async (payload, who) => {
			const { interviewId } = refSchema.parse(payload);
			if (!(await interviews.visibleInterview(db, who, interviewId))) throw notFound();
			const room = interviewRoom(interviewId);
			await socket.join(room);
			// Checked again once inside: a change to confidential committed meanwhile must not leave us in the room.
			const now = await interviews.visibleInterview(db, who, interviewId);
			if (!now) {
				await socket.leave(room);
				throw notFound();
			}
			return { seq: now.seq, notesRevision: now.notesRevision };
		})
	);
	socket.on(
		'interview:leave',
		on(async (payload) => {
			const { interviewId } = refSchema.parse(payload);
			await socket.leave(interviewRoom(interviewId));
			return undefined;
		})
	);
	socket.on(
		'interviews:subscribe',
		on(async (_payload, who) => {
			const rooms = interviewOverviewRoomsFor(who).filter((room) => canJoinRoom(who, room));
			if (!rooms.length) throw new DomainError('error_forbidden_action', {}, {}, 403);
			await socket.join(rooms);
			return undefined;
		})
	);
}
