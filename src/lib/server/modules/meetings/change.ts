import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db';
import { meetings, type MeetingRow } from '../../db/schema';
import type { Actor } from '../../permissions';
import { record, type AuditAction, type AuditActionEntry, type Origin } from '../audit';
import type { MeetingState } from '../../../meetings/live';
import { loadMeeting, loadState } from './state';
import { event, inTransaction } from '../../bus';

/** The session actions a live command records, each with its details. */
type MeetingAction = Extract<AuditAction, `meeting.${string}`>;

/** What a live command did, for the audit row: one of the session actions with details of its shape. */
export type Audited = AuditActionEntry<MeetingAction>;

/**
 * The shape every live command shares: one transaction that locks the session row, does the work, bumps
 * the session's `seq`, records the audit row and reads the new state; the state is published after commit.
 * `work` returns null when nothing changed (then nothing is bumped, recorded or published).
 */
export async function changeMeeting(
	db: Db,
	actor: Actor,
	meetingId: string,
	origin: Origin,
	work: (tx: Tx, meeting: MeetingRow, now: Date) => Promise<Audited | null>
): Promise<MeetingState> {
	return inTransaction(db, async (tx, events) => {
		const meeting = await loadMeeting(tx, meetingId, { lock: true });
		const now = new Date();
		const audited = await work(tx, meeting, now);
		if (audited) {
			await tx
				.update(meetings)
				.set({ seq: sql`${meetings.seq} + 1`, updatedAt: now })
				.where(eq(meetings.id, meetingId));
			await record(tx, { actor, objectType: 'meeting', objectId: meetingId, origin, ...audited });
		}
		const state = await loadState(tx, meetingId);
		if (audited) events.add(event('meeting.changed', { state }));
		return state;
	});
}
