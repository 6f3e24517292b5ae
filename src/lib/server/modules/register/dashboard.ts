import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or } from 'drizzle-orm';
import type { Queryable } from '../../db';
import {
	auditEvents,
	collaborationAssessmentScores,
	collaborationAssessments,
	collaborationBoardMeetings,
	collaborationContributions,
	collaborationMoments,
	collaborationReports
} from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { DomainError } from '../../errors';
import { municipalityIds, municipalityIdSchema, type MunicipalityId } from '../../../roles';
import { addMonths, upcomingUntil } from '../../../register/dates';
import { UPCOMING_MONTHS } from '../../../register/constants';
import { amsterdamParts } from '../../../meetings/time';
import { municipalityOverview } from './queries';
import { actionLabel } from '../audit';

/** How many years the contribution trend looks back, this year included. */
export const TREND_YEARS = 5;

/** The dashboard's scope: one of the five, or the region (all five together). */
export type DashboardScope = MunicipalityId | 'regio';

/**
 * Whose dashboard a page opens when none is asked for: a municipal role's own municipality, the region for
 * the regional roles (they keep all five).
 */
export function defaultScope(actor: Actor | null): DashboardScope {
	const own = actor?.grants.find((g) => g.municipalityId)?.municipalityId;
	return own && actor?.grants.every((g) => g.municipalityId) ? (own as MunicipalityId) : 'regio';
}

/** `?gemeente=` as asked: one of the five, `regio`, or nothing (the default scope); anything else is a 400 saying what to choose. */
export function parseScope(actor: Actor | null, value: string | null | undefined): DashboardScope {
	if (value === null || value === undefined || value === '') return defaultScope(actor);
	if (value === 'regio') return 'regio';
	const parsed = municipalityIdSchema.safeParse(value);
	if (!parsed.success) throw new DomainError('validation_regdash_municipality', {}, { gemeente: 'validation_regdash_municipality' }, 400);
	return parsed.data;
}

type Overview = Awaited<ReturnType<typeof municipalityOverview>>;

/** A decision moment coming up: a cycle moment or a board meeting, for the dashboard's one list. */
export interface UpcomingMoment {
	on: string;
	collaborationId: string;
	collaborationName: string;
	/** `kadernota` … `evaluatie` for a cycle moment, `ab`/`db`/`pho` for a board meeting. */
	kind: string;
	source: 'cycle' | 'board';
	municipalityId: string | null;
	note: string;
}

/**
 * The dashboard of one municipality or of the region. Built on `municipalityOverview` (the register's own
 * figures per municipality: arrangements, exit costs, notice terms, this year's contribution, cycle moments
 * in the next six months), so the dashboard can never show another number than the register; to that it
 * adds the trend, board meetings, overdue zienswijzen, the latest assessment and the changes since the last
 * half-yearly report. A fixed number of queries whatever the number of arrangements (the region reads the
 * five overviews, a fixed five).
 */
export async function registerDashboard(q: Queryable, actor: Actor | null, scope: DashboardScope, today = amsterdamParts(new Date()).date) {
	authorize(actor, 'register.read');
	const scoped: MunicipalityId[] = scope === 'regio' ? [...municipalityIds] : [scope];
	const overviews = await Promise.all(scoped.map((id) => municipalityOverview(q, actor, id, today)));
	const arrangements = arrangementsOf(overviews);
	const ids = arrangements.map((a) => a.id);
	const year = overviews[0].year;
	const [trend, boardMeetings, overdue, assessment, changes] = await Promise.all([
		contributionTrend(q, ids, scoped, year),
		upcomingBoardMeetings(q, ids, today),
		overdueZienswijzen(q, ids, scoped, today),
		latestAssessment(q, ids),
		changesSinceReport(q, ids, scope)
	]);
	const names = new Map(arrangements.map((a) => [a.id, a.name]));
	const upcoming: UpcomingMoment[] = [
		...uniqueMoments(overviews).map((mo) => ({ ...mo, source: 'cycle' as const, collaborationName: names.get(mo.collaborationId) ?? '' })),
		...boardMeetings.map((b) => ({ ...b, source: 'board' as const, collaborationName: names.get(b.collaborationId) ?? '' }))
	].sort((a, b) => a.on.localeCompare(b.on) || a.collaborationName.localeCompare(b.collaborationName, 'nl'));
	return {
		scope,
		today,
		year,
		upcomingUntil: upcomingUntil(today),
		overdueSince: addMonths(today, -UPCOMING_MONTHS),
		arrangements,
		perMunicipality: overviews.map((o) => ({
			municipalityId: o.municipalityId,
			arrangements: o.arrangements.length,
			contributionCents: o.totalContributionCents,
			exitCostCents: o.arrangements.reduce((sum, a) => sum + (a.exitCostCents ?? 0), 0),
			upcoming: o.upcoming.length
		})),
		totalContributionCents: overviews.reduce((sum, o) => sum + o.totalContributionCents, 0),
		trend,
		upcoming,
		overdue: overdue.map((mo) => ({ ...mo, collaborationName: names.get(mo.collaborationId) ?? '' })),
		assessment: assessment && { ...assessment, collaborationName: names.get(assessment.collaborationId) ?? '' },
		changes: changes && { ...changes, rows: changes.rows.map((c) => ({ ...c, collaborationName: names.get(c.collaborationId) ?? '' })) }
	};
}

/**
 * The arrangements of the scope, each once: a municipality's own figures, or for the region the sum of the
 * five's (this year's contributions and exit costs) with who takes part.
 */
function arrangementsOf(overviews: Overview[]) {
	const byId = new Map<string, Overview['arrangements'][number] & { municipalityIds: string[]; contributionCents: number | null }>();
	for (const o of overviews)
		for (const a of o.arrangements) {
			const seen = byId.get(a.id);
			const cents = a.contribution?.cents ?? null;
			if (!seen) {
				byId.set(a.id, { ...a, municipalityIds: [o.municipalityId], contributionCents: cents });
				continue;
			}
			seen.municipalityIds.push(o.municipalityId);
			if (cents !== null) seen.contributionCents = (seen.contributionCents ?? 0) + cents;
			if (a.exitCostCents !== null) seen.exitCostCents = (seen.exitCostCents ?? 0) + a.exitCostCents;
			// Across municipalities one notice term says nothing: the region shows them per municipality.
			seen.noticeTerm = null;
			seen.noticeUnit = null;
		}
	return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id));
}

/** The overviews' cycle moments, each once (a moment for all participants shows in each overview). */
function uniqueMoments(overviews: Overview[]) {
	const byId = new Map(overviews.flatMap((o) => o.upcoming.map((mo) => [mo.id, mo] as const)));
	return [...byId.values()];
}

/** The scope's contribution per year over the trend's years, from the first year with a contribution (0 for a later year without). */
async function contributionTrend(q: Queryable, ids: string[], scoped: string[], year: number) {
	const from = year - TREND_YEARS + 1;
	const rows = ids.length
		? await q
				.select({ year: collaborationContributions.year, cents: collaborationContributions.cents })
				.from(collaborationContributions)
				.where(
					and(
						inArray(collaborationContributions.collaborationId, ids),
						inArray(collaborationContributions.municipalityId, scoped),
						gte(collaborationContributions.year, from),
						lte(collaborationContributions.year, year)
					)
				)
		: [];
	// The trend starts at the first year anything was recorded: a year before the register knew of it is not a zero.
	const first = rows.length ? Math.max(from, Math.min(...rows.map((r) => r.year))) : year;
	return Array.from({ length: year - first + 1 }, (_, i) => first + i).map((y) => ({
		year: y,
		cents: rows.filter((r) => r.year === y).reduce((sum, r) => sum + r.cents, 0)
	}));
}

/** Board meetings (AB, DB, portefeuillehoudersoverleg) of the arrangements in the next six months. */
async function upcomingBoardMeetings(q: Queryable, ids: string[], today: string) {
	if (!ids.length) return [];
	const rows = await q
		.select()
		.from(collaborationBoardMeetings)
		.where(
			and(
				inArray(collaborationBoardMeetings.collaborationId, ids),
				gte(collaborationBoardMeetings.on, today),
				lte(collaborationBoardMeetings.on, upcomingUntil(today))
			)
		)
		.orderBy(asc(collaborationBoardMeetings.on), asc(collaborationBoardMeetings.id));
	return rows.map((b) => ({ on: b.on, collaborationId: b.collaborationId, kind: b.board, municipalityId: null, note: b.title }));
}

/**
 * Zienswijzen whose deadline has passed: those of the last six months, before today. The register keeps no
 * record of a zienswijze handed in, so an older deadline is history rather than something still to chase.
 */
async function overdueZienswijzen(q: Queryable, ids: string[], scoped: string[], today: string) {
	if (!ids.length) return [];
	return q
		.select()
		.from(collaborationMoments)
		.where(
			and(
				inArray(collaborationMoments.collaborationId, ids),
				eq(collaborationMoments.kind, 'zienswijze'),
				lt(collaborationMoments.on, today),
				gte(collaborationMoments.on, addMonths(today, -UPCOMING_MONTHS)),
				or(isNull(collaborationMoments.municipalityId), inArray(collaborationMoments.municipalityId, scoped))
			)
		)
		.orderBy(desc(collaborationMoments.on), asc(collaborationMoments.id));
}

/**
 * The most recently completed assessment of the scope's arrangements, with every participant's scores per
 * criterion: a council weighs its own judgement against the others'.
 */
async function latestAssessment(q: Queryable, ids: string[]) {
	if (!ids.length) return null;
	const [latest] = await q
		.select()
		.from(collaborationAssessments)
		.where(and(inArray(collaborationAssessments.collaborationId, ids), isNotNull(collaborationAssessments.completedAt)))
		.orderBy(desc(collaborationAssessments.completedAt), desc(collaborationAssessments.id))
		.limit(1);
	if (!latest) return null;
	const scores = await q
		.select()
		.from(collaborationAssessmentScores)
		.where(eq(collaborationAssessmentScores.assessmentId, latest.id))
		.orderBy(asc(collaborationAssessmentScores.criterion), asc(collaborationAssessmentScores.municipalityId));
	return {
		id: latest.id,
		collaborationId: latest.collaborationId,
		title: latest.title,
		completedAt: latest.completedAt as Date,
		scores: scores.map((s) => ({ municipalityId: s.municipalityId, criterion: s.criterion, score: s.score }))
	};
}

/** Audit actions that change another municipality's part only: not a change for this municipality's report. */
const MUNICIPAL_PART_ACTIONS = new Set(['collaboration.contribution_set', 'collaboration.seats_set']);

/**
 * What changed in the scope's arrangements since its latest half-yearly report: the audit trail's
 * successful register actions after the report was drawn up. The region has no report of its own; it
 * counts from the latest of any municipality's. Null when no report was drawn up yet.
 */
export async function changesSinceReport(q: Queryable, ids: string[], scope: DashboardScope) {
	const [report] = await q
		.select()
		.from(collaborationReports)
		.where(scope === 'regio' ? undefined : eq(collaborationReports.municipalityId, scope))
		.orderBy(desc(collaborationReports.createdAt), desc(collaborationReports.id))
		.limit(1);
	if (!report) return null;
	const rows = ids.length
		? await q
				.select({ at: auditEvents.at, action: auditEvents.action, collaborationId: auditEvents.objectId, details: auditEvents.details })
				.from(auditEvents)
				.where(
					and(
						eq(auditEvents.objectType, 'collaboration'),
						inArray(auditEvents.objectId, ids),
						eq(auditEvents.result, 'success'),
						// From the report's moment on: a change in the same clock tick (the embedded database's clock
						// ticks in milliseconds) cannot be ordered against it, and showing it once too often is the
						// safe side of a list of what changed.
						gte(auditEvents.at, report.createdAt)
					)
				)
				.orderBy(desc(auditEvents.at), desc(auditEvents.id))
		: [];
	const mine = rows.filter((r) => scope === 'regio' || !MUNICIPAL_PART_ACTIONS.has(r.action) || r.details.municipalityId === scope);
	return {
		report: { half: report.half, createdAt: report.createdAt, municipalityId: report.municipalityId },
		rows: mine.map((r) => ({ at: r.at, action: r.action, label: actionLabel(r.action), collaborationId: r.collaborationId as string }))
	};
}
