import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { meetingAttendance, users } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, can, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { loadActor } from '../users';
import { checkInSchema } from '../../../validation/meetings';
import type { MeetingState } from '../../../meetings/live';
import { changeMeeting } from './change';
import { assertChair, assertStatus } from './rules';

/**
 * Attendance, recorded at the start: a member checks in for a municipality they may check in for
 * (never another one); the verkenner checks in for the region. The chair may also record a member
 * as present, for that member's own municipality. Checking in again replaces the earlier record.
 */
export async function checkIn(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<MeetingState> {
	authorize(actor, 'meeting.read');
	const data = parse(checkInSchema, input);
	return changeMeeting(db, actor, data.meetingId, origin, async (tx, meeting, now) => {
		assertStatus(meeting, 'gepland', 'live');
		let who: Actor = actor;
		if (data.userId && data.userId !== actor.userId) {
			assertChair(actor, meeting);
			const [user] = await tx.select({ id: users.id, name: users.name, disabledAt: users.disabledAt }).from(users).where(eq(users.id, data.userId));
			if (!user || user.disabledAt) throw new DomainError('validation_meeting_member_unknown', {}, { userId: 'validation_meeting_member_unknown' });
			who = await loadActor(tx, user);
		}
		const allowed = data.municipalityId
			? can(who, 'meeting.checkin', { municipalityId: data.municipalityId })
			: can(who, 'meeting.plan') || can(who, 'meeting.drive', { chairUserId: meeting.chairUserId });
		if (!allowed) {
			const key = data.municipalityId ? 'meetings_checkin_other_municipality' : 'meetings_checkin_needs_municipality';
			throw new DomainError(key, {}, { municipalityId: key }, 403);
		}
		const values = { municipalityId: data.municipalityId, name: who.name, checkedInAt: now, recordedBy: actor.userId };
		await tx
			.insert(meetingAttendance)
			.values({ meetingId: meeting.id, userId: who.userId, ...values })
			.onConflictDoUpdate({ target: [meetingAttendance.meetingId, meetingAttendance.userId], set: values });
		return { action: 'meeting.checked_in', details: { userId: who.userId, municipalityId: data.municipalityId, recordedBy: actor.userId } };
	});
}
