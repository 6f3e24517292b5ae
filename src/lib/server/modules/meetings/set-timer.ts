import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { meetings } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { timerSchema } from '../../../validation/meetings';
import type { MeetingState } from '../../../meetings/live';
import { changeMeeting } from './change';
import { assertChair, assertStatus } from './rules';
import { addRunningTime } from './move-to';

/** The chair pauses or resumes the timer of the current entry (a pause banks the time spent so far). */
export async function setTimer(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<MeetingState> {
	authorize(actor, 'meeting.read');
	const data = parse(timerSchema, input);
	return changeMeeting(db, actor, data.meetingId, origin, async (tx, meeting, now) => {
		assertChair(actor, meeting);
		assertStatus(meeting, 'live');
		if (data.running === !!meeting.currentStartedAt) return null;
		if (!data.running) await addRunningTime(tx, meeting, now);
		await tx
			.update(meetings)
			.set({ currentStartedAt: data.running ? now : null })
			.where(eq(meetings.id, meeting.id));
		return { action: data.running ? 'meeting.timer_resumed' : 'meeting.timer_paused', details: { entryId: meeting.currentEntryId } };
	});
}
