import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { answer, refusal } from './ack';
import type { Io, Sock } from './socket-types';
import { canJoinRoom, type Actor } from '../permissions';
import { loadActor } from '../modules/users';
import { interviews as interviewsTable } from '../db/schema';
import * as interviews from '../modules/interviews';
import type { Db } from '../db';
import { interviewOverviewRoomsFor, interviewRoom } from './rooms';

const refSchema = z.object({ interviewId: z.uuid() });

/**
 * Socket handlers of the interviews (issue 6). An interview's room is joined only here, after the interview's
 * visibility was checked with the module's one rule; the generic `room:join` refuses `interview:*` rooms.
 * Unknown and invisible interviews get the same refusal, so a confidential one is never confirmed.
 */
export function registerInterviewHandlers(io: Io, db: Db): void {
	io.on('connection', (socket) => attach(db, socket));
}

/** The interview's sequence numbers when this actor may see it, null otherwise (missing or not visible). */
async function visible(db: Db, actor: Actor, interviewId: string) {
	const [row] = await db
		.select({ visibility: interviewsTable.visibility, seq: interviewsTable.seq, notesRevision: interviewsTable.notesRevision })
		.from(interviewsTable)
		.where(eq(interviewsTable.id, interviewId));
	return row && interviews.mayReadInterview(actor, row) ? row : null;
}

function attach(db: Db, socket: Sock): void {
	const { locale } = socket.data;
	const actor = (): Promise<Actor> => loadActor(db, { id: socket.data.userId, name: socket.data.userName });

	socket.on('interview:join', (payload, ack) =>
		answer<{ seq: number; notesRevision: number }>(ack, locale, async () => {
			const { interviewId } = refSchema.parse(payload);
			const who = await actor();
			if (!(await visible(db, who, interviewId))) return refusal('interviews_not_found', locale);
			const room = interviewRoom(interviewId);
			await socket.join(room);
			// Checked again once inside: a change to confidential committed meanwhile must not leave us in the room.
			const now = await visible(db, who, interviewId);
			if (!now) {
				await socket.leave(room);
				return refusal('interviews_not_found', locale);
			}
			return { ok: true, data: { seq: now.seq, notesRevision: now.notesRevision } };
		})
	);
	socket.on('interview:leave', (payload, ack) =>
		answer(ack, locale, async () => {
			const { interviewId } = refSchema.parse(payload);
			await socket.leave(interviewRoom(interviewId));
			return { ok: true };
		})
	);
	socket.on('interviews:subscribe', (_payload, ack) =>
		answer(ack, locale, async () => {
			const who = await actor();
			const rooms = interviewOverviewRoomsFor(who).filter((room) => canJoinRoom(who, room));
			if (!rooms.length) return refusal('error_forbidden_action', locale);
			await socket.join(rooms);
			return { ok: true };
		})
	);
}
