import { publish } from '../../realtime/publish';
import { currentIo } from '../../realtime/io.js';
import type { Db } from '../../db';
import type { Actor } from '../../permissions';
import { loadActor } from '../users';
import type { InterviewChangedEvent, InterviewsChangedEvent } from '../../../interviews/events';
import { mayReadInterview, overviewRoom } from './visibility';

type Who = Pick<Actor, 'userId' | 'name'> | null;
const by = (actor: Who) => (actor ? { userId: actor.userId, name: actor.name } : null);

export const interviewRoom = (id: string) => `interview:${id}` as const;

/** Tells the interview page and the overview; called only after the transaction committed. */
export function publishInterviewChange(
	interview: { id: string; visibility: string },
	event: Omit<InterviewChangedEvent, 'interviewId' | 'by'>,
	overview: InterviewsChangedEvent['kind'] | null,
	actor: Who
): void {
	publish(interviewRoom(interview.id), 'interview:changed', { interviewId: interview.id, by: by(actor), ...event });
	if (overview) publish(overviewRoom(interview.visibility), 'interviews:changed', { interviewId: interview.id, kind: overview, by: by(actor) });
}

/**
 * An interview that became confidential: the shared overview hears it is gone, and every socket in its room
 * whose user may no longer read it is told so and taken out of the room before anything else is sent there.
 */
export async function revokeReaders(db: Db, interview: { id: string; visibility: string }, seq: number, actor: Who): Promise<void> {
	publish('interviews', 'interviews:changed', { interviewId: interview.id, kind: 'removed', by: by(actor) });
	const io = currentIo();
	if (!io || typeof io.in !== 'function') return;
	const room = interviewRoom(interview.id);
	const sockets = await io.in(room).fetchSockets();
	for (const socket of sockets) {
		const data = socket.data as { userId?: string; userName?: string };
		if (!data.userId) continue;
		const reader = await loadActor(db, { id: data.userId, name: data.userName ?? '' });
		if (mayReadInterview(reader, interview)) continue;
		socket.leave(room);
		socket.emit('interview:changed', { interviewId: interview.id, seq, kind: 'revoked', by: null });
	}
}
