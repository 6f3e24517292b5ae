import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { meetingAgendaEntries, type MeetingRow } from '../../db/schema';
import { DomainError } from '../../errors';

/** The agenda entry a live session has in view. */
export async function currentEntry(q: Queryable, meeting: MeetingRow): Promise<{ id: string; itemId: string }> {
	const [row] = meeting.currentEntryId
		? await q
				.select({ id: meetingAgendaEntries.id, itemId: meetingAgendaEntries.itemId })
				.from(meetingAgendaEntries)
				.where(and(eq(meetingAgendaEntries.meetingId, meeting.id), eq(meetingAgendaEntries.id, meeting.currentEntryId)))
		: [];
	if (!row) throw new DomainError('meetings_not_live', {}, {}, 409);
	return row;
}
