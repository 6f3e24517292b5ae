import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db';
import { meetingAgendaEntries, meetingAttendance, meetingInvitees, meetings, type MeetingRow } from '../../db/schema';
import { can, type Actor } from '../../permissions';
import type { Origin } from '../audit';
import { loadActor } from '../users';
import type { CommentView } from '../../../realtime/events';
import { event, subscribeInTransaction, type DomainEvent } from '../../bus';
import { changeMeetingIn, type Audited } from './change';

/** How a member showed they were there without checking in. */
export type PresenceSign = 'temperature' | 'comment';

/**
 * A member who takes part in a live session (gives a temperature check, speaks up in the comments of the item
 * in view) is there: recorded as present for that municipality, unless already checked in (then the earlier
 * record stands). Returns the audit entry of the check-in it made, or null.
 */
export async function recordPresence(tx: Tx, who: Actor, meeting: MeetingRow, municipalityId: string, now: Date, via: PresenceSign): Promise<Audited | null> {
	const [row] = await tx
		.insert(meetingAttendance)
		.values({ meetingId: meeting.id, userId: who.userId, municipalityId, name: who.name, checkedInAt: now, recordedBy: who.userId })
		.onConflictDoNothing({ target: [meetingAttendance.meetingId, meetingAttendance.userId] })
		.returning({ userId: meetingAttendance.userId });
	if (!row) return null;
	return { action: 'meeting.checked_in', details: { userId: who.userId, municipalityId, recordedBy: who.userId, via } };
}

// The comment's own audit row holds where it came from; the check-in it causes is the author's, from the same request.
const fromComment: Origin = { ip: null, userAgent: null };

/**
 * Speaking up in the comments of the item a live session has in view records the author as present, in the
 * comment's own transaction: for the comment's municipality (an internal comment) or the author's own one.
 * Only members who may check in for that municipality and are invited or in the klankbordgroep count.
 */
export function subscribePresence(): () => void {
	return subscribeInTransaction('comment.posted', 'meeting-presence', (tx, e) => onComment(tx, e.comment));
}

async function onComment(tx: Tx, comment: CommentView): Promise<DomainEvent[]> {
	const live = await tx
		.select({ id: meetings.id })
		.from(meetings)
		.innerJoin(meetingAgendaEntries, eq(meetingAgendaEntries.id, meetings.currentEntryId))
		.where(and(eq(meetings.status, 'live'), eq(meetingAgendaEntries.itemId, comment.itemId)));
	if (!live.length) return [];
	const who = await loadActor(tx, comment.author);
	const events: DomainEvent[] = [];
	for (const { id } of live) {
		const [invited] = await tx
			.select({ userId: meetingInvitees.userId })
			.from(meetingInvitees)
			.where(and(eq(meetingInvitees.meetingId, id), eq(meetingInvitees.userId, who.userId)));
		const municipalityId = speaksFor(who, comment, !!invited);
		if (!municipalityId) continue;
		const { state, changed } = await changeMeetingIn(tx, who, id, fromComment, (tx, meeting, now) =>
			meeting.status === 'live' ? recordPresence(tx, who, meeting, municipalityId, now, 'comment') : Promise.resolve(null)
		);
		if (changed) events.push(event('meeting.changed', { state }));
	}
	return events;
}

/** The municipality a comment's author is present for, or null when they are not a participant of the session. */
function speaksFor(who: Actor, comment: CommentView, invited: boolean): string | null {
	const counts = (id: string) => can(who, 'meeting.checkin', { municipalityId: id }) && (invited || can(who, 'meeting.temperature', { municipalityId: id }));
	if (comment.municipalityId) return counts(comment.municipalityId) ? comment.municipalityId : null;
	const own = [...new Set(who.grants.map((g) => g.municipalityId).filter((id): id is string => !!id))].sort();
	// A klankbordgroep seat comes before another role's municipality.
	return own.find((id) => counts(id) && can(who, 'meeting.temperature', { municipalityId: id })) ?? own.find(counts) ?? null;
}
