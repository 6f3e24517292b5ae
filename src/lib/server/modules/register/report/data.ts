import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db';
import {
	collaborationAssessments,
	collaborationBoardMeetings,
	collaborationContributions,
	collaborationCoverNotes,
	collaborationMoments,
	collaborationParticipants,
	collaborations,
	municipalities
} from '../../../db/schema';
import { authorize, type Actor } from '../../../permissions';
import type { MunicipalityId } from '../../../../roles';
import { changesSinceReport } from '../dashboard';
import { halfYear, nextHalf, type HalfYear } from './half';

/** A timestamp's day in Amsterdam, for comparing with a half year's days. */
const amsterdamDay = (column: unknown) => sql`(${column} at time zone 'Europe/Amsterdam')::date`;

/**
 * What a municipality's half-yearly report is made of, from the register: the arrangements it took part in
 * during the half year with their facts, its contribution that year, its exit cost and notice term; the
 * decision moments and board meetings of this half year and the next; the assessments completed and its own
 * cover notes shared in the half year; and the changes since its previous report. A fixed number of queries.
 */
export async function halfYearReport(q: Queryable, actor: Actor | null, municipalityId: MunicipalityId, half: string) {
	authorize(actor, 'register.read');
	const period = halfYear(half);
	const next = halfYear(nextHalf(half));
	const five = await q.select({ id: municipalities.id, name: municipalities.name }).from(municipalities).orderBy(asc(municipalities.sortOrder));
	const nameOf = new Map(five.map((mu) => [mu.id, mu.name]));
	const rows = await q
		.select({ collaboration: collaborations, participant: collaborationParticipants, contribution: collaborationContributions })
		.from(collaborationParticipants)
		.innerJoin(collaborations, eq(collaborations.id, collaborationParticipants.collaborationId))
		.leftJoin(
			collaborationContributions,
			and(
				eq(collaborationContributions.collaborationId, collaborations.id),
				eq(collaborationContributions.municipalityId, municipalityId),
				eq(collaborationContributions.year, period.year)
			)
		)
		.where(
			and(
				eq(collaborationParticipants.municipalityId, municipalityId),
				lte(collaborations.startsOn, period.to),
				or(isNull(collaborations.endsOn), gte(collaborations.endsOn, period.from))
			)
		)
		.orderBy(asc(collaborations.name), asc(collaborations.id));
	const ids = rows.map((r) => r.collaboration.id);
	const [participants, moments, meetings, assessments, coverNotes, changes] = await Promise.all([
		participantsOf(q, ids),
		momentsIn(q, ids, municipalityId, period.from, next.to),
		meetingsIn(q, ids, period.from, next.to),
		assessmentsCompletedIn(q, ids, period),
		coverNotesSharedIn(q, ids, municipalityId, period),
		changesSinceReport(q, ids, municipalityId)
	]);
	const inHalf = (on: string, p: HalfYear) => on >= p.from && on <= p.to;
	/** An arrangement's cycle moments and board meetings in a half year, by date. */
	const momentsOf = (id: string, p: HalfYear) =>
		[
			...moments.filter((mo) => mo.collaborationId === id && inHalf(mo.on, p)).map((mo) => ({ on: mo.on, kind: mo.kind, note: mo.note })),
			...meetings.filter((b) => b.collaborationId === id && inHalf(b.on, p)).map((b) => ({ on: b.on, kind: b.board, note: b.title }))
		].sort((a, b) => a.on.localeCompare(b.on));
	return {
		municipality: { id: municipalityId, name: nameOf.get(municipalityId) ?? municipalityId },
		nameOf,
		period,
		next,
		arrangements: rows.map((r) => {
			const id = r.collaboration.id;
			return {
				...r.collaboration,
				exitCostCents: r.participant.exitCostCents,
				participantNoticeTerm: r.participant.noticeTerm,
				participantNoticeUnit: r.participant.noticeUnit,
				contribution: r.contribution ? { cents: r.contribution.cents, key: r.contribution.key, shareBp: r.contribution.shareBp } : null,
				participants: participants.filter((p) => p.collaborationId === id),
				thisHalf: momentsOf(id, period),
				nextHalf: momentsOf(id, next),
				assessments: assessments.filter((a) => a.collaborationId === id),
				coverNotes: coverNotes.filter((c) => c.collaborationId === id)
			};
		}),
		changes
	};
}

export type HalfYearReport = Awaited<ReturnType<typeof halfYearReport>>;

async function participantsOf(q: Queryable, ids: string[]) {
	if (!ids.length) return [];
	return q
		.select({
			collaborationId: collaborationParticipants.collaborationId,
			municipalityId: collaborationParticipants.municipalityId,
			outsideName: collaborationParticipants.outsideName
		})
		.from(collaborationParticipants)
		.leftJoin(municipalities, eq(municipalities.id, collaborationParticipants.municipalityId))
		.where(inArray(collaborationParticipants.collaborationId, ids))
		.orderBy(asc(municipalities.sortOrder), asc(collaborationParticipants.outsideName));
}

/** Cycle moments for all participants or for this council, between two days. */
async function momentsIn(q: Queryable, ids: string[], municipalityId: string, from: string, to: string) {
	if (!ids.length) return [];
	return q
		.select()
		.from(collaborationMoments)
		.where(
			and(
				inArray(collaborationMoments.collaborationId, ids),
				gte(collaborationMoments.on, from),
				lte(collaborationMoments.on, to),
				or(isNull(collaborationMoments.municipalityId), eq(collaborationMoments.municipalityId, municipalityId))
			)
		)
		.orderBy(asc(collaborationMoments.on), asc(collaborationMoments.id));
}

async function meetingsIn(q: Queryable, ids: string[], from: string, to: string) {
	if (!ids.length) return [];
	return q
		.select()
		.from(collaborationBoardMeetings)
		.where(and(inArray(collaborationBoardMeetings.collaborationId, ids), gte(collaborationBoardMeetings.on, from), lte(collaborationBoardMeetings.on, to)))
		.orderBy(asc(collaborationBoardMeetings.on), asc(collaborationBoardMeetings.id));
}

async function assessmentsCompletedIn(q: Queryable, ids: string[], period: HalfYear) {
	if (!ids.length) return [];
	const day = amsterdamDay(collaborationAssessments.completedAt);
	return q
		.select({
			collaborationId: collaborationAssessments.collaborationId,
			title: collaborationAssessments.title,
			occasion: collaborationAssessments.occasion,
			choice: collaborationAssessments.choice,
			completedAt: collaborationAssessments.completedAt
		})
		.from(collaborationAssessments)
		.where(and(inArray(collaborationAssessments.collaborationId, ids), sql`${day} between ${period.from} and ${period.to}`))
		.orderBy(asc(collaborationAssessments.completedAt));
}

/**
 * This municipality's cover notes shared with its council in the half year: an unshared note is internal to
 * the municipality and never goes into a report.
 */
async function coverNotesSharedIn(q: Queryable, ids: string[], municipalityId: string, period: HalfYear) {
	if (!ids.length) return [];
	const day = amsterdamDay(collaborationCoverNotes.sharedAt);
	return q
		.select({
			collaborationId: collaborationCoverNotes.collaborationId,
			sharedAt: collaborationCoverNotes.sharedAt,
			meetingOn: collaborationBoardMeetings.on,
			board: collaborationBoardMeetings.board,
			relevance: collaborationCoverNotes.relevance
		})
		.from(collaborationCoverNotes)
		.innerJoin(collaborationBoardMeetings, eq(collaborationBoardMeetings.id, collaborationCoverNotes.boardMeetingId))
		.where(
			and(
				inArray(collaborationCoverNotes.collaborationId, ids),
				eq(collaborationCoverNotes.municipalityId, municipalityId),
				sql`${day} between ${period.from} and ${period.to}`
			)
		)
		.orderBy(asc(collaborationBoardMeetings.on));
}
