import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { groupByItem } from '../../db/rows';
import {
	agendaItemVersions,
	agendaItems,
	ambitions,
	councilDecisions,
	municipalities,
	positionChanges,
	positions,
	progressReports,
	signOffs,
	users
} from '../../db/schema';
import { authorize, municipalitiesFor, type Actor } from '../../permissions';
import { DomainError } from '../../errors';
import type { ItemStatus } from '../../../agenda/constants';
import {
	consensusOf,
	implementationStatuses,
	type CouncilOutcome,
	type PositionKind,
	type SignOffDecision,
	type VoidReason
} from '../../../decisions/constants';
import { contentOf, loadItemState, verifyContent, type ItemContent } from '../agenda-items';
import { frozenVersion } from './frozen-version';
import { interviewOrigins } from '../interviews';
import { signedContentHash, signedContentOf, signedHashOfStored } from './signed-content';
import type {
	AdoptedVersion,
	CouncilDecisionView,
	ItemDecisions,
	MatrixRow,
	PositionChangeView,
	PositionMatrix,
	RoundText,
	SignOffView,
	TimelineEntry
} from '../../../decisions/views';

export type { ItemDecisions, PositionMatrix, TimelineEntry } from '../../../decisions/views';

/** Everything about the decisions on one item, for its page: positions, sign-offs (verified), council, progress, timeline. */
export async function getItemDecisions(q: Queryable, actor: Actor | null, itemId: string): Promise<ItemDecisions> {
	authorize(actor, 'item.read');
	if (!/^[0-9a-f-]{36}$/i.test(itemId)) throw new DomainError('agenda_item_not_found', {}, {}, 404);
	const item = await loadItemState(q, itemId);
	const [posRows, changeRows, signRows, councilRows, progressRows, versionRows, round] = await Promise.all([
		q.select().from(positions).where(eq(positions.itemId, itemId)),
		q.select().from(positionChanges).where(eq(positionChanges.itemId, itemId)).orderBy(asc(positionChanges.changedAt)),
		q
			.select({ s: signOffs, content: agendaItemVersions.content, versionHash: agendaItemVersions.contentHash })
			.from(signOffs)
			.innerJoin(agendaItemVersions, eq(agendaItemVersions.id, signOffs.versionId))
			.where(eq(signOffs.itemId, itemId))
			.orderBy(asc(signOffs.signedAt)),
		q.select().from(councilDecisions).where(eq(councilDecisions.itemId, itemId)).orderBy(asc(councilDecisions.recordedAt)),
		q.select().from(progressReports).where(eq(progressReports.itemId, itemId)).orderBy(asc(progressReports.reportedAt)),
		q
			.select({
				number: agendaItemVersions.number,
				reason: agendaItemVersions.reason,
				createdAt: agendaItemVersions.createdAt,
				content: agendaItemVersions.content,
				byName: users.name
			})
			.from(agendaItemVersions)
			.leftJoin(users, eq(users.id, agendaItemVersions.createdBy))
			.where(eq(agendaItemVersions.itemId, itemId))
			.orderBy(asc(agendaItemVersions.number)),
		item.status === 'gereed_voor_besluitvorming' ? frozenVersion(q, itemId) : Promise.resolve(null)
	]);
	const origins = await interviewOrigins(q, actor, itemId);
	const [creator] = item.createdBy ? await q.select({ name: users.name }).from(users).where(eq(users.id, item.createdBy)) : [];

	const matchesCurrent = signedMatcher(contentOf(item));
	const signOffViews: SignOffView[] = signRows.map(({ s, content, versionHash }) => ({
		id: s.id,
		municipalityId: s.municipalityId,
		versionNumber: s.versionNumber,
		contentHash: s.contentHash,
		decision: s.decision as SignOffDecision,
		conditions: s.conditions,
		reasons: s.reasons,
		withdrawn: s.withdrawn,
		meetingDate: s.meetingDate,
		kenmerk: s.kenmerk,
		documentUrl: s.documentUrl,
		signedByName: s.signedByName,
		signedBy: s.signedBy,
		signedAt: s.signedAt,
		voided: s.voidedAt ? { at: s.voidedAt, byName: s.voidedByName ?? '', reason: s.voidReason as VoidReason } : null,
		verified: versionHash === s.contentHash && verifyContent(content, s.contentHash),
		matchesCurrent: matchesCurrent(s.versionId, content)
	}));
	const positionHistory: PositionChangeView[] = changeRows.map((c) => ({
		municipalityId: c.municipalityId,
		from: c.fromPosition as PositionKind | null,
		to: c.toPosition as PositionKind,
		reasons: c.reasons,
		conditions: c.conditions,
		byName: c.changedByName,
		at: c.changedAt
	}));
	const council: CouncilDecisionView[] = councilRows.map((c) => ({ ...c, outcome: c.outcome as CouncilOutcome }));

	const timeline: TimelineEntry[] = [
		{ kind: 'created' as const, at: item.createdAt, byName: creator?.name ?? null },
		...versionRows.map((v) => ({
			kind: 'version' as const,
			at: v.createdAt,
			byName: v.byName,
			number: v.number,
			reason: v.reason,
			status: (JSON.parse(v.content) as { status: string }).status
		})),
		...positionHistory.map((p) => ({
			kind: 'position' as const,
			at: p.at,
			byName: p.byName,
			municipalityId: p.municipalityId,
			from: p.from,
			to: p.to,
			reasons: p.reasons
		})),
		...signOffViews.map((s) => ({
			kind: 'signoff' as const,
			at: s.signedAt,
			byName: s.signedByName,
			municipalityId: s.municipalityId,
			decision: s.decision,
			versionNumber: s.versionNumber,
			kenmerk: s.kenmerk
		})),
		...signOffViews
			.filter((s) => s.voided)
			.map((s) => ({
				kind: 'void' as const,
				at: s.voided!.at,
				byName: s.voided!.byName,
				municipalityId: s.municipalityId,
				reason: s.voided!.reason,
				versionNumber: s.versionNumber
			})),
		...council.map((c) => ({
			kind: 'council' as const,
			at: c.recordedAt,
			byName: c.recordedByName,
			municipalityId: c.municipalityId,
			outcome: c.outcome,
			kenmerk: c.kenmerk
		})),
		...progressRows.map((p) => ({ kind: 'progress' as const, at: p.reportedAt, byName: p.reportedByName, percent: p.percent, note: p.note })),
		...origins
	] satisfies TimelineEntry[];
	timeline.sort((a, b) => a.at.getTime() - b.at.getTime());

	const last = progressRows.at(-1);
	return {
		itemId,
		status: item.status,
		seq: item.seq,
		participants: item.participants.map((p) => p.municipalityId),
		positions: posRows.map((p) => ({
			municipalityId: p.municipalityId,
			position: p.position as PositionKind,
			reasons: p.reasons,
			conditions: p.conditions,
			updatedByName: p.updatedByName,
			updatedBy: p.updatedBy,
			updatedAt: p.updatedAt,
			sharedPublicly: p.sharedPublicly
		})),
		positionHistory,
		round,
		roundText: round ? roundTextOf(versionRows.find((v) => v.number === round.number)?.content) : null,
		adopted: adoptedVersion(item.status, signOffViews),
		signOffs: signOffViews,
		council,
		progress: last ? { percent: last.percent, note: last.note, reportedByName: last.reportedByName, reportedAt: last.reportedAt } : null,
		timeline,
		mayAct: {
			position: municipalitiesFor(actor, 'position.set'),
			signoff: municipalitiesFor(actor, 'signoff.record'),
			council: municipalitiesFor(actor, 'council.record')
		}
	};
}

/** The signed content of the round's version from its stored canonical JSON (null when it does not parse). */
function roundTextOf(canonical: string | undefined): RoundText | null {
	if (!canonical) return null;
	try {
		const c = signedContentOf(JSON.parse(canonical) as ItemContent);
		return {
			title: c.title,
			summary: c.summary,
			descriptionHtml: c.description.html,
			meerwaardeHtml: c.meerwaarde.html,
			startDate: c.startDate,
			endDate: c.endDate,
			milestones: c.milestones,
			participants: c.participants.map((p) => p.municipalityId),
			costEstimateCents: c.costEstimateCents,
			verdeelsleutel: c.verdeelsleutel,
			contributions: c.contributions
		};
	} catch {
		return null;
	}
}

/**
 * Compares stored versions with the current content by their signed-content hash (computed once per
 * version). A snapshot that no longer parses never matches.
 */
function signedMatcher(current: Parameters<typeof signedContentHash>[0]): (versionId: string, canonical: string) => boolean {
	const now = signedContentHash(current);
	const seen = new Map<string, boolean>();
	return (versionId, canonical) => {
		let same = seen.get(versionId);
		if (same === undefined) {
			try {
				same = signedHashOfStored(canonical) === now;
			} catch {
				same = false;
			}
			seen.set(versionId, same);
		}
		return same;
	};
}

/** The version the valid agreements of an adopted item are on (newest), with the differs flag. */
function adoptedVersion(status: ItemStatus, signs: SignOffView[]): AdoptedVersion | null {
	if (!(implementationStatuses as readonly string[]).includes(status)) return null;
	const agreed = signs.filter((s) => !s.voided && s.decision !== 'niet_akkoord').at(-1);
	if (!agreed) return null;
	return { versionNumber: agreed.versionNumber, contentHash: agreed.contentHash, currentDiffers: !agreed.matchesCurrent };
}

/** Items × the five municipalities, grouped by ambition, with a consensus summary per item. Four queries. */
export async function positionMatrix(
	q: Queryable,
	actor: Actor | null,
	filter: { ambitie?: number | null; status?: string | null; standpunt?: PositionKind | null; gemeente?: string | null } = {}
): Promise<PositionMatrix> {
	authorize(actor, 'item.read');
	const [munis, ambitionRows, items, posRows] = await Promise.all([
		q.select({ id: municipalities.id, name: municipalities.name }).from(municipalities).orderBy(asc(municipalities.sortOrder)),
		q.select().from(ambitions).orderBy(asc(ambitions.id)),
		q
			.select({ id: agendaItems.id, title: agendaItems.title, status: agendaItems.status, ambitionId: agendaItems.ambitionId })
			.from(agendaItems)
			.orderBy(asc(agendaItems.ambitionId), asc(agendaItems.title)),
		q
			.select({ itemId: positions.itemId, municipalityId: positions.municipalityId, position: positions.position, shared: positions.sharedPublicly })
			.from(positions)
	]);
	const participantRows = items.length ? await q.query.agendaItemParticipants.findMany({ columns: { itemId: true, municipalityId: true } }) : [];
	const participantsOf = groupByItem(participantRows);
	const positionsOf = groupByItem(posRows);
	const rows: (MatrixRow & { ambitionId: number })[] = items.map((it) => {
		const participants = (participantsOf.get(it.id) ?? []).map((p) => p.municipalityId);
		const pos: Record<string, PositionKind | null> = {};
		for (const m of munis) pos[m.id] = null;
		const own = positionsOf.get(it.id) ?? [];
		for (const p of own) pos[p.municipalityId] = p.position as PositionKind;
		const shared = own.filter((p) => p.shared).map((p) => p.municipalityId);
		const consensus = consensusOf(participants.map((m) => pos[m] ?? 'nog_geen_standpunt'));
		return { id: it.id, title: it.title, status: it.status as ItemStatus, ambitionId: it.ambitionId, participants, positions: pos, shared, consensus };
	});
	const keep = (r: MatrixRow & { ambitionId: number }) =>
		(!filter.ambitie || r.ambitionId === filter.ambitie) &&
		(!filter.status || r.status === filter.status) &&
		(!filter.standpunt || Object.entries(r.positions).some(([m, p]) => (!filter.gemeente || m === filter.gemeente) && p === filter.standpunt)) &&
		(!filter.gemeente || filter.standpunt || r.participants.includes(filter.gemeente));
	return {
		municipalities: munis,
		groups: ambitionRows.map((ambition) => ({ ambition, items: rows.filter((r) => r.ambitionId === ambition.id && keep(r)) })).filter((g) => g.items.length > 0)
	};
}
