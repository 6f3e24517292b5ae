import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { meetingInvitees, meetings } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { nameChairSchema } from '../../../validation/meetings';
import type { MeetingState } from '../../../meetings/live';
import { changeMeeting } from './change';
import { mayChair } from './plan-rows';
import { assertStatus } from './rules';

/**
 * The verkenner names the chair: the verkenner or an invited klankbordgroep member. While a session is
 * live its chair drives it; naming someone else then would make a second chair, and is refused.
 */
export async function nameChair(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<MeetingState> {
	authorize(actor, 'meeting.plan');
	const data = parse(nameChairSchema, input);
	return changeMeeting(db, actor, data.meetingId, origin, async (tx, meeting) => {
		assertStatus(meeting, 'gepland', 'live');
		if (meeting.chairUserId === data.chairUserId) return null;
		if (meeting.status === 'live') throw new DomainError('meetings_chair_already_driving', {}, { chairUserId: 'meetings_chair_already_driving' }, 409);
		if (data.chairUserId) {
			const invitees = await tx.select({ userId: meetingInvitees.userId }).from(meetingInvitees).where(eq(meetingInvitees.meetingId, meeting.id));
			if (
				!(await mayChair(
					tx,
					data.chairUserId,
					invitees.map((i) => i.userId)
				))
			)
				throw new DomainError('validation_meeting_chair_not_eligible', {}, { chairUserId: 'validation_meeting_chair_not_eligible' });
		}
		await tx.update(meetings).set({ chairUserId: data.chairUserId }).where(eq(meetings.id, meeting.id));
		return { action: 'meeting.chair_named', details: { from: meeting.chairUserId, to: data.chairUserId } };
	});
}
