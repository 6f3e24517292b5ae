import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { ambitions, meetingAttendance, meetingMinutes, meetingTemperatureChecks, municipalities, users } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { DomainError } from '../../errors';
import type { Highlights, HighlightsMinute, HighlightsScenarioCheck } from '../../../meetings/highlights';
import type { MinuteKind, TemperatureValue } from '../../../meetings/constants';
import { loadEntries, loadMeeting } from './state';
import { scenarioChecksOfMeeting } from './scenario-board';
import { runningSeconds } from './rules';
import { amsterdamParts } from '../../../meetings/time';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The "highlights" of a session, from the database: attendance per municipality, per agenda item what
 * was discussed and decided, the temperature checks, action points and questions for the councils.
 * Data only; the renderers (report/pdf.ts, report/docx.ts) give it words in a language.
 */
export async function composeHighlights(q: Queryable, actor: Actor | null, meetingId: string, now = new Date()): Promise<Highlights> {
	authorize(actor, 'meeting.read');
	const meeting = await loadMeeting(q, meetingId);
	const [entries, munis, present, checks, minutes, ambitionRows, chair, scenarioChecks] = await Promise.all([
		loadEntries(q, meetingId),
		q.select().from(municipalities).orderBy(asc(municipalities.sortOrder)),
		q.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId)).orderBy(asc(meetingAttendance.checkedInAt)),
		q.select().from(meetingTemperatureChecks).where(eq(meetingTemperatureChecks.meetingId, meetingId)),
		q
			.select()
			.from(meetingMinutes)
			.where(and(eq(meetingMinutes.meetingId, meetingId), isNull(meetingMinutes.deletedAt)))
			.orderBy(asc(meetingMinutes.createdAt), asc(meetingMinutes.id)),
		q.select().from(ambitions),
		meeting.chairUserId ? q.select({ name: users.name }).from(users).where(eq(users.id, meeting.chairUserId)) : [],
		scenarioChecksOfMeeting(q, meetingId)
	]);
	const muniName = new Map(munis.map((m) => [m.id, m.name]));
	const muniOrder = new Map(munis.map((m) => [m.id, m.sortOrder]));
	const ambitionName = new Map(ambitionRows.map((a) => [a.id, a.shortTitle]));
	const onAgenda = new Set(entries.map((e) => e.itemId));
	const minute = (x: (typeof minutes)[number]): HighlightsMinute => ({
		kind: x.kind as MinuteKind,
		body: x.body,
		ownerName: x.ownerName,
		dueOn: x.dueOn,
		municipalityName: x.municipalityId ? (muniName.get(x.municipalityId) ?? x.municipalityId) : null,
		createdByName: x.createdByName,
		createdAt: x.createdAt.toISOString()
	});

	return {
		meeting: {
			id: meeting.id,
			title: meeting.title,
			startsAt: meeting.startsAt.toISOString(),
			endsAt: meeting.endsAt.toISOString(),
			location: meeting.location,
			onlineUrl: meeting.onlineUrl,
			chairName: chair[0]?.name ?? null,
			startedAt: iso(meeting.startedAt),
			endedAt: iso(meeting.endedAt)
		},
		attendance: munis.map((m) => ({
			municipalityId: m.id,
			municipalityName: m.name,
			names: present.filter((p) => p.municipalityId === m.id).map((p) => p.name)
		})),
		regionalAttendees: present.filter((p) => !p.municipalityId).map((p) => p.name),
		items: entries.map((e, i) => ({
			itemId: e.itemId,
			position: i + 1,
			title: e.title,
			ambitionName: ambitionName.get(e.ambitionId) ?? '',
			plannedMinutes: e.plannedMinutes,
			// A report asked for while the session still runs counts the running stretch too.
			spentSeconds: e.spentSeconds + (meeting.currentEntryId === e.id ? runningSeconds(meeting, now) : 0),
			temperature: checks
				.filter((c) => c.itemId === e.itemId)
				.sort((a, b) => (muniOrder.get(a.municipalityId) ?? 0) - (muniOrder.get(b.municipalityId) ?? 0))
				.map((c) => ({
					municipalityId: c.municipalityId,
					municipalityName: muniName.get(c.municipalityId) ?? c.municipalityId,
					value: c.value as TemperatureValue,
					givenByName: c.givenByName
				})),
			scenarioChecks: perScenario(scenarioChecks.filter((x) => x.itemId === e.itemId)),
			minutes: minutes.filter((x) => x.itemId === e.itemId).map(minute)
		})),
		general: minutes.filter((x) => !x.itemId || !onAgenda.has(x.itemId)).map(minute),
		generatedAt: now.toISOString()
	};
}

/** The checks of one item grouped per scenario (the rows come in the options' and the region's order). */
function perScenario(rows: Awaited<ReturnType<typeof scenarioChecksOfMeeting>>): HighlightsScenarioCheck[] {
	const out = new Map<string, HighlightsScenarioCheck>();
	for (const r of rows) {
		const group = out.get(r.scenarioId) ?? { scenarioTitle: r.scenarioTitle, removed: r.removed, checks: [] };
		group.checks.push({ municipalityName: r.municipalityName, value: r.value, givenByName: r.givenByName });
		out.set(r.scenarioId, group);
	}
	return [...out.values()];
}

/** The highlights of a session that is closed: the report exists once the session is over. */
export async function closedHighlights(q: Queryable, actor: Actor | null, meetingId: string): Promise<Highlights> {
	const h = await composeHighlights(q, actor, meetingId);
	if (!h.meeting.endedAt) throw new DomainError('meetings_not_closed', {}, {}, 409);
	return h;
}

/** `highlights-2026-03-10.pdf` */
export function highlightsFilename(h: Highlights, ext: 'pdf' | 'docx'): string {
	return `highlights-${amsterdamParts(new Date(h.meeting.startsAt)).date}.${ext}`;
}
