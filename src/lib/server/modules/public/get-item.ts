import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { agendaItemVersions, agendaItems, ambitions, councilDecisions, municipalities, positions, progressReports, signOffs } from '../../db/schema';
import { DomainError } from '../../errors';
import { isUuid } from '../../validate';
import { loadItemState, verifyContent, type ItemContent, type ItemState } from '../agenda-items';
import { trySplitCosts } from '../../../agenda/costs';
import { isAdoptedStatus } from '../../../public/visibility';
import type { MunicipalityId } from '../../../roles';
import type { CouncilOutcome, PositionKind, SignOffDecision } from '../../../decisions/constants';
import { isPublicItem, sharedPositionsWhere } from './visibility';
import { publicItemPath } from './list-items';
import type { PublicItem } from './schemas';
import { scenarioComparison, type ScenarioComparison } from '../scenarios';

/** Unknown and not public are the same answer: the public learns nothing of items it may not see. */
const notFound = () => new DomainError('public_item_not_found', {}, {}, 404);

/**
 * One public item: the text as the colleges signed it (or, for an item made public before adoption, its
 * last captured version; never the live draft), who takes part, what each college and council decided,
 * the positions its municipalities shared, costs, planning and progress.
 */
export async function getPublicItem(q: Queryable, itemId: string): Promise<PublicItem> {
	if (!isUuid(itemId)) throw notFound();
	const [row] = await q.select({ status: agendaItems.status, publicSince: agendaItems.publicSince }).from(agendaItems).where(eq(agendaItems.id, itemId));
	if (!row || !isPublicItem(row)) throw notFound();
	const [item, signRows, councilRows, positionRows, [progress], munis] = await Promise.all([
		loadItemState(q, itemId),
		q
			.select()
			.from(signOffs)
			.where(and(eq(signOffs.itemId, itemId), isNull(signOffs.voidedAt)))
			.orderBy(asc(signOffs.meetingDate), asc(signOffs.signedAt)),
		q.select().from(councilDecisions).where(eq(councilDecisions.itemId, itemId)).orderBy(asc(councilDecisions.recordedAt)),
		q
			.select()
			.from(positions)
			.where(and(eq(positions.itemId, itemId), sharedPositionsWhere())),
		q.select().from(progressReports).where(eq(progressReports.itemId, itemId)).orderBy(desc(progressReports.reportedAt)).limit(1),
		q.select().from(municipalities).orderBy(asc(municipalities.sortOrder))
	]);
	const [ambition] = await q.select().from(ambitions).where(eq(ambitions.id, item.ambitionId));
	const signedVersion = signRows.reduce((n, s) => Math.max(n, s.versionNumber), 0);
	const text = await publicText(q, itemId, signedVersion);
	const order = new Map(munis.map((m) => [m.id, m.sortOrder]));
	const byMunicipality = <T extends { municipalityId: string }>(a: T, b: T) => (order.get(a.municipalityId) ?? 0) - (order.get(b.municipalityId) ?? 0);
	const content = text?.content;
	const shared = content?.scenarios ? await scenarioComparison(q, itemId, { sharedOnly: true }) : null;
	return {
		id: item.id,
		url: publicItemPath(item.id),
		title: content?.title ?? item.title,
		summary: content?.summary ?? item.summary,
		ambitionId: item.ambitionId,
		ambition: { id: ambition.id, title: ambition.title, shortTitle: ambition.shortTitle },
		status: item.status,
		adopted: isAdoptedStatus(item.status),
		horizon: item.horizon,
		trekker: item.trekkerId as MunicipalityId | null,
		participants: item.participants.map((p) => p.municipalityId as MunicipalityId),
		costEstimateCents: item.costEstimateCents,
		startDate: item.startDate,
		endDate: item.endDate,
		progressPercent: progress?.percent ?? null,
		updatedAt: item.updatedAt.toISOString(),
		publicSince: row.publicSince ? row.publicSince.toISOString() : null,
		text: text?.view ?? null,
		costs: costsOf(item, munis),
		milestones: item.milestones,
		links: item.links,
		tags: item.tags,
		collegeDecisions: signRows
			.map((s) => ({
				municipalityId: s.municipalityId as MunicipalityId,
				decision: s.decision as SignOffDecision,
				conditions: s.conditions,
				withdrawn: s.withdrawn,
				meetingDate: s.meetingDate,
				kenmerk: s.kenmerk,
				documentUrl: s.documentUrl,
				versionNumber: s.versionNumber,
				contentHash: s.contentHash
			}))
			.sort(byMunicipality),
		councilDecisions: newestPerMunicipality(councilRows)
			.map((c) => ({
				municipalityId: c.municipalityId as MunicipalityId,
				outcome: c.outcome as CouncilOutcome,
				wensenEnBedenkingen: c.wensenEnBedenkingen,
				meetingDate: c.meetingDate,
				kenmerk: c.kenmerk,
				versionNumber: c.versionNumber
			}))
			.sort(byMunicipality),
		positions: positionRows
			.map((p) => ({
				municipalityId: p.municipalityId as MunicipalityId,
				position: p.position as PositionKind,
				reasons: p.reasons,
				conditions: p.conditions,
				updatedAt: p.updatedAt.toISOString()
			}))
			.sort(byMunicipality),
		scenarios: publicScenarios(content, shared),
		progress: progress ? { percent: progress.percent, note: progress.note, reportedAt: progress.reportedAt.toISOString() } : null
	};
}

/** The options as the public text holds them (signed, or the last captured version), with the scores municipalities shared. */
function publicScenarios(content: ItemContent | undefined, shared: ScenarioComparison | null): PublicItem['scenarios'] {
	if (!content?.scenarios || !shared) return null;
	const { options, proposedId } = content.scenarios;
	const ids = new Set(options.map((o) => o.id));
	return {
		options: options.map((o) => ({
			id: o.id,
			title: o.title,
			description: o.description,
			// A version captured before descriptions were co-edited holds only the text.
			descriptionHtml: o.descriptionHtml ?? '',
			oneOffCents: o.oneOffCents,
			yearlyCents: o.yearlyCents,
			proposed: o.id === proposedId
		})),
		criteria: shared.criteria.map(({ id, name, scaleMin, scaleMax, higherIsBetter }) => ({ id, name, scaleMin, scaleMax, higherIsBetter })),
		scores: shared.scores
			.filter((s) => ids.has(s.scenarioId))
			.map((s) => ({
				scenarioId: s.scenarioId,
				criterionId: s.criterionId,
				municipalityId: s.municipalityId as MunicipalityId,
				voice: s.voice,
				score: s.score,
				motivation: s.motivation
			}))
	};
}

/** A council's newest record counts (a griffie may correct one); the older ones stay in the portal. */
function newestPerMunicipality<T extends { municipalityId: string }>(rows: T[]): T[] {
	return [...new Map(rows.map((r) => [r.municipalityId, r])).values()];
}

/**
 * The text the public reads: the version the colleges signed (the highest version with a valid decision),
 * else the newest captured version. Both are stored canonical JSON with their hash, so anyone can verify it.
 */
async function publicText(q: Queryable, itemId: string, signedVersion: number) {
	const [v] = await q
		.select()
		.from(agendaItemVersions)
		.where(and(eq(agendaItemVersions.itemId, itemId), signedVersion ? eq(agendaItemVersions.number, signedVersion) : undefined))
		.orderBy(desc(agendaItemVersions.number))
		.limit(1);
	if (!v) return null;
	const content = parseContent(v.content);
	if (!content) return null;
	return {
		content,
		view: {
			versionNumber: v.number,
			contentHash: v.contentHash,
			verified: verifyContent(v.content, v.contentHash),
			asSigned: signedVersion > 0,
			capturedAt: v.createdAt.toISOString(),
			descriptionHtml: content.description.html,
			descriptionText: content.description.text,
			meerwaardeHtml: content.meerwaarde.html,
			meerwaardeText: content.meerwaarde.text
		}
	};
}

function parseContent(canonical: string): ItemContent | null {
	try {
		return JSON.parse(canonical) as ItemContent;
	} catch {
		return null;
	}
}

function costsOf(item: ItemState, munis: { id: string; inhabitants: number }[]): PublicItem['costs'] {
	const inhabitants = new Map(munis.map((m) => [m.id, m.inhabitants]));
	const split = trySplitCosts(
		item.costEstimateCents,
		item.contributions,
		item.verdeelsleutel,
		item.participants.map((p) => ({ municipalityId: p.municipalityId, inhabitants: inhabitants.get(p.municipalityId) ?? 0, customShareBp: p.customShareBp }))
	);
	return {
		totalCents: item.costEstimateCents,
		verdeelsleutel: item.verdeelsleutel,
		contributions: item.contributions,
		shares: split.ok ? split.split.shares.map((s) => ({ municipalityId: s.municipalityId as MunicipalityId, cents: s.cents, shareBp: s.shareBp })) : null
	};
}

/** The stored canonical JSON of the version the public text is, so anyone can check its hash; 404 for any other. */
export async function getPublicVersion(q: Queryable, itemId: string, number: string): Promise<{ number: number; contentHash: string; canonical: string }> {
	const item = await getPublicItem(q, itemId);
	if (!item.text || String(item.text.versionNumber) !== number) throw notFound();
	const [v] = await q
		.select({ number: agendaItemVersions.number, contentHash: agendaItemVersions.contentHash, canonical: agendaItemVersions.content })
		.from(agendaItemVersions)
		.where(and(eq(agendaItemVersions.itemId, itemId), eq(agendaItemVersions.number, item.text.versionNumber)));
	return v;
}
