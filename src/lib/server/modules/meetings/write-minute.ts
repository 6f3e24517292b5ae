import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { meetingMinutes } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { minuteSchema } from '../../../validation/meetings';
import type { MeetingState } from '../../../meetings/live';
import { changeMeeting } from './change';
import { loadEntries } from './state';
import { assertChair, assertStatus } from './rules';

/**
 * The chair writes the minutes as the session goes: what was discussed, a decision, an action point
 * (owner, due date) or a question for the councils, about an agenda entry or the session as a whole.
 * The id comes from the client: the same minute sent again is stored once.
 */
export async function writeMinute(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<MeetingState> {
	authorize(actor, 'meeting.read');
	const data = parse(minuteSchema, input);
	return changeMeeting(db, actor, data.meetingId, origin, async (tx, meeting) => {
		assertChair(actor, meeting);
		const [existing] = await tx.select({ meetingId: meetingMinutes.meetingId }).from(meetingMinutes).where(eq(meetingMinutes.id, data.id));
		if (existing) {
			if (existing.meetingId !== meeting.id) throw new DomainError('validation_meeting_minute_malformed', {}, {}, 409);
			return null;
		}
		assertStatus(meeting, 'live');
		if (data.itemId && !(await loadEntries(tx, meeting.id)).some((e) => e.itemId === data.itemId))
			throw new DomainError('meetings_entry_not_on_agenda', {}, { itemId: 'meetings_entry_not_on_agenda' });
		await tx.insert(meetingMinutes).values({
			id: data.id,
			meetingId: meeting.id,
			itemId: data.itemId,
			kind: data.kind,
			body: data.body,
			ownerName: data.ownerName,
			dueOn: data.dueOn,
			municipalityId: data.municipalityId,
			createdBy: actor.userId,
			createdByName: actor.name
		});
		return {
			action: 'meeting.minute_written',
			details: { minuteId: data.id, itemId: data.itemId, kind: data.kind, ownerName: data.ownerName, dueOn: data.dueOn }
		};
	});
}
