import { and, asc, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { agendaItemParticipants, agendaItemVersions, agendaItems, councilDecisions, municipalities, positions, signOffs } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { implementationStatuses, type CouncilOutcome, type PositionKind, type SignOffDecision } from '../../../decisions/constants';
import type { ItemStatus } from '../../../agenda/constants';
import { contentOf } from '../agenda-items';
import { loadChildren } from '../agenda-items';
import { signedContentHash, signedHashOfStored } from './signed-content';

export interface MunicipalityOverview {
	municipality: { id: string; name: string };
	/** Items gereed voor besluitvorming in which it takes part and has no valid sign-off on the frozen version. */
	awaiting: { id: string; title: string; versionNumber: number | null }[];
	signed: {
		itemId: string;
		title: string;
		/** The item's status now (a valid signature on a rejected item is the one that rejected it). */
		status: ItemStatus;
		decision: SignOffDecision;
		versionNumber: number;
		kenmerk: string;
		signedAt: Date;
		voided: boolean;
		/** A valid signature on an adopted item whose text changed since: it no longer covers the current text. */
		currentDiffers: boolean;
	}[];
	positions: { itemId: string; title: string; position: PositionKind; updatedAt: Date }[];
	council: { itemId: string; title: string; outcome: CouncilOutcome; meetingDate: string; kenmerk: string }[];
}

/**
 * For a municipality's college and griffie: what awaits its decision, what it signed, its positions and
 * council follow-up. A fixed number of SQL queries, however many items there are.
 */
export async function municipalityOverview(q: Queryable, actor: Actor | null, municipalityId: string): Promise<MunicipalityOverview | null> {
	const [overview] = await municipalityOverviews(q, actor, [municipalityId]);
	return overview ?? null;
}

/**
 * The same overview for several municipalities, read in the same queries (the start page's overview of the
 * region reads all five), in the region's order; an unknown id is left out. `currentText: false` skips whether a
 * valid signature still covers the current text (every `currentDiffers` false): that needs every adopted item's
 * whole content, which a count of decisions does not.
 */
export async function municipalityOverviews(
	q: Queryable,
	actor: Actor | null,
	municipalityIds: string[],
	opts: { currentText: boolean } = { currentText: true }
): Promise<MunicipalityOverview[]> {
	authorize(actor, 'region.read');
	const of = inArray(municipalities.id, municipalityIds);
	const munis = await q.select({ id: municipalities.id, name: municipalities.name }).from(municipalities).where(of).orderBy(asc(municipalities.sortOrder));
	if (!munis.length) return [];
	const ids = munis.map((m) => m.id);
	const [awaiting, signRows, posRows, councilRows] = await Promise.all([
		awaitingDecision(q, ids),
		q
			.select({
				s: signOffs,
				title: agendaItems.title,
				status: agendaItems.status,
				content: opts.currentText ? agendaItemVersions.content : sql<string>`''`
			})
			.from(signOffs)
			.innerJoin(agendaItems, eq(agendaItems.id, signOffs.itemId))
			.innerJoin(agendaItemVersions, eq(agendaItemVersions.id, signOffs.versionId))
			.where(inArray(signOffs.municipalityId, ids))
			.orderBy(desc(signOffs.signedAt)),
		q
			.select({ p: positions, title: agendaItems.title })
			.from(positions)
			.innerJoin(agendaItems, eq(agendaItems.id, positions.itemId))
			.where(inArray(positions.municipalityId, ids))
			.orderBy(asc(agendaItems.title)),
		q
			.select({ c: councilDecisions, title: agendaItems.title })
			.from(councilDecisions)
			.innerJoin(agendaItems, eq(agendaItems.id, councilDecisions.itemId))
			.where(inArray(councilDecisions.municipalityId, ids))
			.orderBy(desc(councilDecisions.recordedAt))
	]);
	const adopted = signRows.filter((r) => !r.s.voidedAt && (implementationStatuses as readonly string[]).includes(r.status));
	const currentHash = opts.currentText ? await currentSignedHashes(q, [...new Set(adopted.map((r) => r.s.itemId))]) : null;
	const differs = (s: (typeof signRows)[number]) =>
		!!currentHash &&
		!s.s.voidedAt &&
		(implementationStatuses as readonly string[]).includes(s.status) &&
		currentHash.get(s.s.itemId) !== safeSignedHash(s.content);
	return munis.map((muni) => ({
		municipality: muni,
		awaiting: awaiting.filter((a) => a.municipalityId === muni.id).map(({ municipalityId: _m, ...a }) => a),
		signed: signRows
			.filter((r) => r.s.municipalityId === muni.id)
			.map((r) => ({
				itemId: r.s.itemId,
				title: r.title,
				status: r.status as ItemStatus,
				decision: r.s.decision as SignOffDecision,
				versionNumber: r.s.versionNumber,
				kenmerk: r.s.kenmerk,
				signedAt: r.s.signedAt,
				voided: !!r.s.voidedAt,
				currentDiffers: differs(r)
			})),
		positions: posRows
			.filter(({ p }) => p.municipalityId === muni.id)
			.map(({ p, title }) => ({ itemId: p.itemId, title, position: p.position as PositionKind, updatedAt: p.updatedAt })),
		council: councilRows
			.filter(({ c }) => c.municipalityId === muni.id)
			.map(({ c, title }) => ({ itemId: c.itemId, title, outcome: c.outcome as CouncilOutcome, meetingDate: c.meetingDate, kenmerk: c.kenmerk }))
	}));
}

/** Items gereed voor besluitvorming they take part in without a valid sign-off, with their frozen version: three queries. */
async function awaitingDecision(q: Queryable, municipalityIds: string[]): Promise<(MunicipalityOverview['awaiting'][number] & { municipalityId: string })[]> {
	const ready = await q
		.select({ id: agendaItems.id, title: agendaItems.title, municipalityId: agendaItemParticipants.municipalityId })
		.from(agendaItems)
		.innerJoin(agendaItemParticipants, and(eq(agendaItemParticipants.itemId, agendaItems.id), inArray(agendaItemParticipants.municipalityId, municipalityIds)))
		.where(eq(agendaItems.status, 'gereed_voor_besluitvorming'))
		.orderBy(asc(agendaItems.title));
	if (!ready.length) return [];
	const ids = [...new Set(ready.map((r) => r.id))];
	const [validSigns, frozen] = await Promise.all([
		q
			.select({ itemId: signOffs.itemId, municipalityId: signOffs.municipalityId })
			.from(signOffs)
			.where(and(inArray(signOffs.municipalityId, municipalityIds), isNull(signOffs.voidedAt), inArray(signOffs.itemId, ids))),
		// While gereed voor besluitvorming, the frozen version is the newest status version (sign-offs/frozen-version.ts).
		q
			.select({ itemId: agendaItemVersions.itemId, number: max(agendaItemVersions.number) })
			.from(agendaItemVersions)
			.where(and(inArray(agendaItemVersions.itemId, ids), eq(agendaItemVersions.reason, 'status')))
			.groupBy(agendaItemVersions.itemId)
	]);
	const signedNow = new Set(validSigns.map((s) => `${s.itemId} ${s.municipalityId}`));
	const frozenOf = new Map(frozen.map((f) => [f.itemId, f.number]));
	return ready.filter((r) => !signedNow.has(`${r.id} ${r.municipalityId}`)).map((r) => ({ ...r, versionNumber: frozenOf.get(r.id) ?? null }));
}

/** The signed-content hash of each item as it is now (item rows and their parts in a fixed number of queries). */
async function currentSignedHashes(q: Queryable, itemIds: string[]): Promise<Map<string, string>> {
	if (!itemIds.length) return new Map();
	const rows = await q.select().from(agendaItems).where(inArray(agendaItems.id, itemIds));
	const states = await loadChildren(q, rows);
	return new Map(states.map((s) => [s.id, signedContentHash(contentOf(s))]));
}

function safeSignedHash(canonical: string): string | null {
	try {
		return signedHashOfStored(canonical);
	} catch {
		return null;
	}
}
