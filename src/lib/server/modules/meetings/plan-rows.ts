import { and, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { agendaItems, meetingAgendaEntries, meetingInvitees, memberships, users } from '../../db/schema';
import { ValidationError } from '../../errors';
import { amsterdamToUtc } from '../../../meetings/time';
import type { Role } from '../../../roles';

/** Who may be invited: klankbordgroep and college members, and the verkenner. */
export const inviteeRoles: readonly Role[] = ['klankbordgroeplid', 'collegelid', 'verkenner'];

/** The instants of a plan's date, start and end time (Dutch local time). */
export function planInstants(plan: { date: string; startTime: string; endTime: string }) {
	return { startsAt: amsterdamToUtc(plan.date, plan.startTime), endsAt: amsterdamToUtc(plan.date, plan.endTime) };
}

/** Every planned item must be on the uitvoeringsagenda; every invitee an active person who may take part. */
export async function checkPlanReferences(q: Queryable, itemIds: string[], inviteeIds: string[]): Promise<void> {
	const fields: Record<string, string> = {};
	if (itemIds.length) {
		const found = await q.select({ id: agendaItems.id }).from(agendaItems).where(inArray(agendaItems.id, itemIds));
		if (found.length !== new Set(itemIds).size) fields.agenda = 'validation_meeting_agenda_item_unknown';
	}
	if (inviteeIds.length) {
		const found = await q
			.selectDistinct({ id: users.id })
			.from(users)
			.innerJoin(memberships, eq(memberships.userId, users.id))
			.where(and(inArray(users.id, inviteeIds), isNull(users.disabledAt), inArray(memberships.role, [...inviteeRoles])));
		if (found.length !== new Set(inviteeIds).size) fields.invitees = 'validation_meeting_invitee_unknown';
	}
	if (Object.keys(fields).length) throw new ValidationError(fields);
}

/**
 * Makes the session's agenda the given list. Entries of items that stay keep their id (and spent time),
 * so nothing that points at an entry breaks.
 */
export async function syncAgenda(q: Queryable, meetingId: string, agenda: { itemId: string; plannedMinutes: number }[]): Promise<void> {
	const keep = agenda.map((e) => e.itemId);
	await q
		.delete(meetingAgendaEntries)
		.where(
			keep.length
				? and(eq(meetingAgendaEntries.meetingId, meetingId), notInArray(meetingAgendaEntries.itemId, keep))
				: eq(meetingAgendaEntries.meetingId, meetingId)
		);
	for (const [position, e] of agenda.entries()) {
		await q
			.insert(meetingAgendaEntries)
			.values({ meetingId, itemId: e.itemId, position, plannedMinutes: e.plannedMinutes })
			.onConflictDoUpdate({
				target: [meetingAgendaEntries.meetingId, meetingAgendaEntries.itemId],
				set: { position, plannedMinutes: e.plannedMinutes }
			});
	}
}

export async function replaceInvitees(q: Queryable, meetingId: string, userIds: string[]): Promise<void> {
	await q.delete(meetingInvitees).where(eq(meetingInvitees.meetingId, meetingId));
	const unique = [...new Set(userIds)];
	if (unique.length) await q.insert(meetingInvitees).values(unique.map((userId) => ({ meetingId, userId })));
}

/**
 * Whether someone may chair this session: the verkenner, or a klankbordgroep member who is invited.
 * `invitees` is the session's invitee list (as it is, or as it will be after a change of plan).
 */
export async function mayChair(q: Queryable, userId: string, invitees: string[]): Promise<boolean> {
	const roles = await q
		.select({ role: memberships.role })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.userId, userId), isNull(users.disabledAt)));
	if (roles.some((r) => r.role === 'verkenner')) return true;
	return roles.some((r) => r.role === 'klankbordgroeplid') && invitees.includes(userId);
}
