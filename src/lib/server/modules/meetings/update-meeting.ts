import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { meetingInvitees, meetings } from '../../db/schema';
import { DomainError, ValidationError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import { meetingPlanSchema } from '../../../validation/meetings';
import { checkPlanReferences, mayChair, planInstants, replaceInvitees, syncAgenda } from './plan-rows';
import { loadMeeting, loadState } from './state';
import { assertStatus } from './rules';
import { event, inTransaction } from '../../bus';
import { calendarChanged, calendarPlan } from './invitation';
import { mailCalendarNotice } from './invitation-mail';

/**
 * Changes a planned session. The form names the `revision` it saw: a stale one is refused (someone else
 * changed the plan meanwhile), nothing stored. Once live, closed or cancelled, the plan is history and stays.
 *
 * The invitees hear of it by e-mail, queued in the same transaction, each with the calendar event at the new
 * SEQUENCE: those who stay get the update (METHOD:REQUEST) only when something a calendar shows changed;
 * those added get the invitation, those removed a cancellation (METHOD:CANCEL) naming only them.
 */
export async function updateMeeting(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ id: string; revision: number }> {
	authorize(actor, 'meeting.plan');
	const data = parse(meetingPlanSchema, input);
	if (!data.meetingId || !data.revision) throw new ValidationError({ revision: 'validation_meeting_revision' });
	const meetingId = data.meetingId;
	const { startsAt, endsAt } = planInstants(data);
	const out = await inTransaction(db, async (tx, events) => {
		const meeting = await loadMeeting(tx, meetingId, { lock: true });
		assertStatus(meeting, 'gepland');
		if (meeting.revision !== data.revision) throw new DomainError('meetings_conflict', {}, {}, 409);
		await checkPlanReferences(
			tx,
			data.agenda.map((e) => e.itemId),
			data.invitees
		);
		// A named member-chair stays invited, or the session would have a chair who is not there.
		if (meeting.chairUserId && !(await mayChair(tx, meeting.chairUserId, data.invitees)))
			throw new ValidationError({ invitees: 'validation_meeting_chair_must_stay_invited' });
		const before = await tx.select({ userId: meetingInvitees.userId }).from(meetingInvitees).where(eq(meetingInvitees.meetingId, meetingId));
		const planBefore = await calendarPlan(tx, meetingId);
		const [row] = await tx
			.update(meetings)
			.set({
				title: data.title,
				startsAt,
				endsAt,
				location: data.location,
				onlineUrl: data.onlineUrl,
				revision: sql`${meetings.revision} + 1`,
				seq: sql`${meetings.seq} + 1`,
				updatedAt: new Date()
			})
			.where(eq(meetings.id, meetingId))
			.returning({ revision: meetings.revision });
		await syncAgenda(tx, meetingId, data.agenda);
		await replaceInvitees(tx, meetingId, data.invitees);
		const plan = await calendarPlan(tx, meetingId);
		const was = new Set(planBefore.invitees.map((p) => p.id));
		const is = new Set(plan.invitees.map((p) => p.id));
		const stayed = plan.invitees.filter((p) => was.has(p.id));
		await mailCalendarNotice(
			tx,
			plan,
			'invited',
			plan.invitees.filter((p) => !was.has(p.id))
		);
		await mailCalendarNotice(
			tx,
			plan,
			'uninvited',
			planBefore.invitees.filter((p) => !is.has(p.id))
		);
		if (calendarChanged(planBefore, plan)) await mailCalendarNotice(tx, plan, 'updated', stayed);
		await record(tx, {
			actor,
			action: 'meeting.updated',
			objectType: 'meeting',
			objectId: meetingId,
			origin,
			details: {
				title: data.title,
				startsAt: startsAt.toISOString(),
				endsAt: endsAt.toISOString(),
				agenda: data.agenda,
				inviteesBefore: before.length,
				invitees: data.invitees.length,
				revision: row.revision
			}
		});
		events.add(event('meeting.changed', { state: await loadState(tx, meetingId) }));
		return { revision: row.revision };
	});
	return { id: meetingId, revision: out.revision };
}
