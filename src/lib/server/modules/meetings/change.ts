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

type Work = (tx: Tx, meeting: MeetingRow, now: Date) => Promise<Audited | null>;

/**
 * The shape every live command shares: one transaction that locks the session row, does the work, bumps
 * the session's `seq`, records the audit row and reads the new state; the state is published after commit.
 * `work` returns null when nothing changed (then nothing is bumped, recorded or published).
 */
export async function changeMeeting(db: Db, actor: Actor, meetingId: string, origin: Origin, work: Work): Promise<MeetingState> {
	return inTransaction(db, async (tx, events) => {
		const { state, changed } = await changeMeetingIn(tx, actor, meetingId, origin, work);
		if (changed) events.add(event('meeting.changed', { state }));
		return state;
	});
}

/**
 * The same change inside a transaction that is already open (a bus handler of another command): the caller
 * publishes `meeting.changed` with the state after its commit when `changed`.
 */
export async function changeMeetingIn(tx: Tx, actor: Actor, meetingId: string, origin: Origin, work: Work): Promise<{ state: MeetingState; changed: boolean }> {
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
	return { state: await loadState(tx, meetingId), changed: !!audited };
}
