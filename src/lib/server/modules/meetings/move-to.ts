import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db';
import { meetingAgendaEntries, meetings, type MeetingRow } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { moveSchema } from '../../../validation/meetings';
import type { MeetingState } from '../../../meetings/live';
import { changeMeeting } from './change';
import { loadEntries } from './state';
import { assertChair, assertStatus, runningSeconds } from './rules';

/**
 * The chair moves the session to an agenda entry, or to the next or previous one. The time of the
 * entry left behind is added to its spent seconds; the timer of the new entry starts running.
 */
export async function moveTo(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<MeetingState> {
	authorize(actor, 'meeting.read');
	const data = parse(moveSchema, input);
	return changeMeeting(db, actor, data.meetingId, origin, async (tx, meeting, now) => {
		assertChair(actor, meeting);
		assertStatus(meeting, 'live');
		const entries = await loadEntries(tx, meeting.id);
		const at = entries.findIndex((e) => e.id === meeting.currentEntryId);
		const target = data.to === 'entry' ? entries.find((e) => e.id === data.entryId) : entries[at + (data.to === 'next' ? 1 : -1)];
		if (!target) {
			if (data.to === 'entry') throw new DomainError('meetings_entry_not_on_agenda', {}, { entryId: 'meetings_entry_not_on_agenda' });
			throw new DomainError(data.to === 'next' ? 'meetings_no_next_entry' : 'meetings_no_previous_entry', {}, {}, 409);
		}
		if (target.id === meeting.currentEntryId) return null;
		await addRunningTime(tx, meeting, now);
		await tx.update(meetings).set({ currentEntryId: target.id, currentStartedAt: now }).where(eq(meetings.id, meeting.id));
		return { action: 'meeting.moved', details: { from: meeting.currentEntryId, to: target.id, itemId: target.itemId } };
	});
}

/** Banks the running stretch of the current entry into its spent seconds. */
export async function addRunningTime(tx: Tx, meeting: MeetingRow, now: Date): Promise<void> {
	const seconds = runningSeconds(meeting, now);
	if (!meeting.currentEntryId || seconds === 0) return;
	await tx
		.update(meetingAgendaEntries)
		.set({ spentSeconds: sql`${meetingAgendaEntries.spentSeconds} + ${seconds}` })
		.where(and(eq(meetingAgendaEntries.id, meeting.currentEntryId), eq(meetingAgendaEntries.meetingId, meeting.id)));
}
