import type { Db } from '../../db';
import { event, eventActor, inTransaction } from '../../bus';
import { meetings } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import { meetingPlanSchema } from '../../../validation/meetings';
import { checkPlanReferences, planInstants, replaceInvitees, syncAgenda } from './plan-rows';
import { calendarPlan } from './invitation';
import { mailCalendarNotice } from './invitation-mail';

/**
 * Plans a new klankbordgroep session (the verkenner): details, agenda with minutes per item, invitees. Every
 * invitee gets the invitation by e-mail (METHOD:REQUEST), queued in the same transaction.
 */
export async function createMeeting(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ id: string }> {
	authorize(actor, 'meeting.plan');
	const data = parse(meetingPlanSchema, input);
	const { startsAt, endsAt } = planInstants(data);
	return inTransaction(db, async (tx, events) => {
		await checkPlanReferences(
			tx,
			data.agenda.map((e) => e.itemId),
			data.invitees
		);
		const [row] = await tx
			.insert(meetings)
			.values({ title: data.title, startsAt, endsAt, location: data.location, onlineUrl: data.onlineUrl, createdBy: actor.userId })
			.returning({ id: meetings.id });
		await syncAgenda(tx, row.id, data.agenda);
		await replaceInvitees(tx, row.id, data.invitees);
		const plan = await calendarPlan(tx, row.id);
		await mailCalendarNotice(tx, plan, 'invited', plan.invitees);
		await record(tx, {
			actor,
			action: 'meeting.created',
			objectType: 'meeting',
			objectId: row.id,
			origin,
			details: { title: data.title, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), agenda: data.agenda, invitees: data.invitees.length }
		});
		events.add(event('meeting.planned', { meetingId: row.id, invitees: data.invitees, by: eventActor(actor) }));
		return { id: row.id };
	});
}
