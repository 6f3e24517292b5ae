import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { meetings } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { meetingRefSchema } from '../../../validation/meetings';
import type { MeetingState } from '../../../meetings/live';
import { changeMeeting } from './change';
import { assertChair, assertStatus } from './rules';
import { addRunningTime } from './move-to';

/** The chair closes the session (live → afgesloten); the highlights report can then be downloaded. */
export async function closeMeeting(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<MeetingState> {
	authorize(actor, 'meeting.read');
	const data = parse(meetingRefSchema, input);
	return changeMeeting(db, actor, data.meetingId, origin, async (tx, meeting, now) => {
		assertChair(actor, meeting);
		assertStatus(meeting, 'live');
		await addRunningTime(tx, meeting, now);
		await tx.update(meetings).set({ status: 'afgesloten', endedAt: now, currentEntryId: null, currentStartedAt: null }).where(eq(meetings.id, meeting.id));
		return { action: 'meeting.closed', details: { lastEntryId: meeting.currentEntryId } };
	});
}
