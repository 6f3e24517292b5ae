import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db';
import {
	agendaItems,
	meetingAgendaEntries,
	meetingAttendance,
	meetingMinutes,
	meetingTemperatureChecks,
	meetings,
	municipalities,
	users,
	type MeetingRow
} from '../../db/schema';
import { DomainError } from '../../errors';
import type { MeetingState } from '../../../meetings/live';
import type { MeetingStatus, MinuteKind, TemperatureValue } from '../../../meetings/constants';
import { loadScenarioBoard, loadScenarioChecks } from './scenario-board';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** One session row; with `lock` it stays locked (FOR UPDATE) until the transaction ends, so commands queue up. */
export async function loadMeeting(q: Queryable, meetingId: string, opts: { lock?: boolean } = {}): Promise<MeetingRow> {
	const base = q.select().from(meetings).where(eq(meetings.id, meetingId));
	const [row] = opts.lock ? await base.for('update') : await base;
	if (!row) throw new DomainError('meetings_not_found', {}, {}, 404);
	return row;
}

/** The agenda of a session in order, with the items' titles. */
export async function loadEntries(q: Queryable, meetingId: string) {
	return q
		.select({
			id: meetingAgendaEntries.id,
			itemId: meetingAgendaEntries.itemId,
			position: meetingAgendaEntries.position,
			plannedMinutes: meetingAgendaEntries.plannedMinutes,
			spentSeconds: meetingAgendaEntries.spentSeconds,
			title: agendaItems.title,
			ambitionId: agendaItems.ambitionId
		})
		.from(meetingAgendaEntries)
		.innerJoin(agendaItems, eq(agendaItems.id, meetingAgendaEntries.itemId))
		.where(eq(meetingAgendaEntries.meetingId, meetingId))
		.orderBy(asc(meetingAgendaEntries.position));
}

/** The whole live state, read in the caller's transaction (so it is exactly what that transaction committed). */
export async function loadState(q: Queryable, meetingId: string): Promise<MeetingState> {
	const [row] = await q
		.select({ meeting: meetings, chairName: users.name })
		.from(meetings)
		.leftJoin(users, eq(users.id, meetings.chairUserId))
		.where(eq(meetings.id, meetingId));
	if (!row) throw new DomainError('meetings_not_found', {}, {}, 404);
	const [entries, attendance, temperature, minutes, scenarioChecks] = await Promise.all([
		loadEntries(q, meetingId),
		q
			.select()
			.from(meetingAttendance)
			.leftJoin(municipalities, eq(municipalities.id, meetingAttendance.municipalityId))
			.where(eq(meetingAttendance.meetingId, meetingId))
			.orderBy(asc(municipalities.sortOrder), asc(meetingAttendance.checkedInAt)),
		q.select().from(meetingTemperatureChecks).where(eq(meetingTemperatureChecks.meetingId, meetingId)),
		q
			.select()
			.from(meetingMinutes)
			.where(and(eq(meetingMinutes.meetingId, meetingId), isNull(meetingMinutes.deletedAt)))
			.orderBy(asc(meetingMinutes.createdAt), asc(meetingMinutes.id)),
		loadScenarioChecks(q, meetingId)
	]);
	const m = row.meeting;
	const scenarios = await loadScenarioBoard(q, m, entries.find((e) => e.id === m.currentEntryId)?.itemId ?? null);
	return {
		meetingId: m.id,
		seq: m.seq,
		status: m.status as MeetingStatus,
		title: m.title,
		chair: m.chairUserId && row.chairName ? { userId: m.chairUserId, name: row.chairName } : null,
		currentEntryId: m.currentEntryId,
		timerStartedAt: iso(m.currentStartedAt),
		entries: entries.map((e, i) => ({
			id: e.id,
			itemId: e.itemId,
			position: i + 1,
			title: e.title,
			plannedMinutes: e.plannedMinutes,
			spentSeconds: e.spentSeconds
		})),
		attendance: attendance.map(({ meeting_attendance: a }) => ({
			userId: a.userId,
			name: a.name,
			municipalityId: a.municipalityId,
			checkedInAt: a.checkedInAt.toISOString()
		})),
		temperature: temperature.map((t) => ({
			itemId: t.itemId,
			municipalityId: t.municipalityId,
			value: t.value as TemperatureValue,
			givenByName: t.givenByName,
			givenAt: t.givenAt.toISOString(),
			positionSetAt: iso(t.positionSetAt)
		})),
		scenarios,
		scenarioChecks,
		minutes: minutes.map((x) => ({
			id: x.id,
			itemId: x.itemId,
			kind: x.kind as MinuteKind,
			body: x.body,
			ownerName: x.ownerName,
			dueOn: x.dueOn,
			municipalityId: x.municipalityId,
			createdByName: x.createdByName,
			createdAt: x.createdAt.toISOString()
		})),
		startedAt: iso(m.startedAt),
		endedAt: iso(m.endedAt),
		cancelled: m.cancelledAt ? { at: m.cancelledAt.toISOString(), reason: m.cancelReason } : null,
		highlightsPublishedAt: iso(m.highlightsPublishedAt),
		serverNow: new Date().toISOString()
	};
}
