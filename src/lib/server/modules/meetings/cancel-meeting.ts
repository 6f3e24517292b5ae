import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { meetings } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { cancelMeetingSchema } from '../../../validation/meetings';
import type { MeetingState } from '../../../meetings/live';
import { changeMeeting } from './change';
import { assertStatus } from './rules';
import { calendarPlan } from './invitation';
import { mailCalendarNotice } from './invitation-mail';

/**
 * Cancels a planned session (the verkenner; the reason is optional). It is over for good: no start, no
 * change of plan. The plan's revision is raised and every invitee gets a METHOD:CANCEL with the next
 * SEQUENCE, queued in the same transaction; a session already live or closed stays as it is.
 */
export async function cancelMeeting(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<MeetingState> {
	authorize(actor, 'meeting.cancel');
	const data = parse(cancelMeetingSchema, input);
	return changeMeeting(db, actor, data.meetingId, origin, async (tx, meeting, now) => {
		if (meeting.status === 'live') throw new DomainError('meetings_cancel_live', {}, {}, 409);
		assertStatus(meeting, 'gepland');
		const [row] = await tx
			.update(meetings)
			.set({ status: 'geannuleerd', cancelledAt: now, cancelReason: data.reason, revision: sql`${meetings.revision} + 1` })
			.where(eq(meetings.id, meeting.id))
			.returning({ revision: meetings.revision });
		const plan = await calendarPlan(tx, meeting.id);
		await mailCalendarNotice(tx, plan, 'cancelled', plan.invitees);
		return { action: 'meeting.cancelled', details: { reason: data.reason, invitees: plan.invitees.length, revision: row.revision } };
	});
}
