import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { meetingMinutes } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { minuteRefSchema } from '../../../validation/meetings';
import type { MeetingState } from '../../../meetings/live';
import { changeMeeting } from './change';
import { assertChair, assertStatus } from './rules';

/** The chair removes a minute written by mistake; it is kept (soft delete) and leaves the report. */
export async function deleteMinute(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<MeetingState> {
	authorize(actor, 'meeting.read');
	const data = parse(minuteRefSchema, input);
	return changeMeeting(db, actor, data.meetingId, origin, async (tx, meeting, now) => {
		assertChair(actor, meeting);
		assertStatus(meeting, 'live');
		const [row] = await tx
			.select()
			.from(meetingMinutes)
			.where(and(eq(meetingMinutes.id, data.id), eq(meetingMinutes.meetingId, meeting.id)));
		if (!row) throw new DomainError('meetings_minute_not_found', {}, {}, 404);
		if (row.deletedAt) return null;
		await tx.update(meetingMinutes).set({ deletedAt: now }).where(eq(meetingMinutes.id, row.id));
		return { action: 'meeting.minute_deleted', details: { minuteId: row.id, kind: row.kind } };
	});
}
