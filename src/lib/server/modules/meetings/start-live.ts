import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { meetings } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { meetingRefSchema } from '../../../validation/meetings';
import type { MeetingState } from '../../../meetings/live';
import { changeMeeting } from './change';
import { loadEntries } from './state';
import { assertChair, assertStatus } from './rules';

/** The chair starts live mode: the first agenda entry comes into view and its timer runs. */
export async function startLive(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<MeetingState> {
	const data = parse(meetingRefSchema, input);
	authorize(actor, 'meeting.read');
	return changeMeeting(db, actor, data.meetingId, origin, async (tx, meeting, now) => {
		assertChair(actor, meeting);
		assertStatus(meeting, 'gepland');
		const [first] = await loadEntries(tx, meeting.id);
		if (!first) throw new DomainError('meetings_agenda_empty', {}, {}, 409);
		await tx.update(meetings).set({ status: 'live', startedAt: now, currentEntryId: first.id, currentStartedAt: now }).where(eq(meetings.id, meeting.id));
		return { action: 'meeting.started', details: { entryId: first.id, itemId: first.itemId } };
	});
}
