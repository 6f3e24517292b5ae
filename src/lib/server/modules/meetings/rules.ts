import type { MeetingRow } from '../../db/schema';
import { DomainError } from '../../errors';
import { can, ForbiddenError, type Actor } from '../../permissions';
import type { MeetingStatus } from '../../../meetings/constants';

/**
 * Only the named chair drives a session. Anyone else, even someone who could chair another session,
 * is refused with a clear reason: a second chair never takes over by accident.
 */
export function assertChair(actor: Actor | null, meeting: MeetingRow): asserts actor is Actor {
	if (!actor) throw new ForbiddenError('meeting.drive');
	if (can(actor, 'meeting.drive', { chairUserId: meeting.chairUserId })) return;
	if (!meeting.chairUserId) throw new DomainError('meetings_no_chair', {}, {}, 409);
	throw new DomainError('meetings_not_the_chair', {}, {}, 403);
}

const statusKeys: Record<MeetingStatus, string> = {
	gepland: 'meetings_not_planned',
	live: 'meetings_not_live',
	afgesloten: 'meetings_not_closed',
	geannuleerd: 'meetings_not_cancelled'
};

/** The command fits only a session in this status (e.g. minutes only while live). */
export function assertStatus(meeting: MeetingRow, ...allowed: MeetingStatus[]): void {
	if (allowed.includes(meeting.status as MeetingStatus)) return;
	if (meeting.status === 'afgesloten') throw new DomainError('meetings_closed', {}, {}, 409);
	if (meeting.status === 'geannuleerd') throw new DomainError('meetings_cancelled', {}, {}, 409);
	throw new DomainError(statusKeys[allowed[0]], {}, {}, 409);
}

/** Seconds of the running stretch of the current entry, up to `now`. */
export function runningSeconds(meeting: MeetingRow, now: Date): number {
	return meeting.currentStartedAt ? Math.max(0, Math.floor((now.getTime() - meeting.currentStartedAt.getTime()) / 1000)) : 0;
}
