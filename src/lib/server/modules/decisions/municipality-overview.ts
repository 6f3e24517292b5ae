import { and, asc, desc, eq, inArray, isNull, max } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { agendaItemParticipants, agendaItemVersions, agendaItems, councilDecisions, municipalities, positions, signOffs } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { implementationStatuses, type CouncilOutcome, type PositionKind, type SignOffDecision } from '../../../decisions/constants';
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
	authorize(actor, 'region.read');
	const [muni] = await q.select({ id: municipalities.id, name: municipalities.name }).from(municipalities).where(eq(municipalities.id, municipalityId));
	if (!muni) return null;
	const [awaiting, signRows, posRows, councilRows] = await Promise.all([
		awaitingDecision(q, municipalityId),
		q
			.select({ s: signOffs, title: agendaItems.title, status: agendaItems.status, content: agendaItemVersions.content })
			.from(signOffs)
			.innerJoin(agendaItems, eq(agendaItems.id, signOffs.itemId))
			.innerJoin(agendaItemVersions, eq(agendaItemVersions.id, signOffs.versionId))
			.where(eq(signOffs.municipalityId, municipalityId))
			.orderBy(desc(signOffs.signedAt)),
		q
			.select({ p: positions, title: agendaItems.title })
			.from(positions)
			.innerJoin(agendaItems, eq(agendaItems.id, positions.itemId))
			.where(eq(positions.municipalityId, municipalityId))
			.orderBy(asc(agendaItems.title)),
		q
			.select({ c: councilDecisions, title: agendaItems.title })
			.from(councilDecisions)
			.innerJoin(agendaItems, eq(agendaItems.id, councilDecisions.itemId))
			.where(eq(councilDecisions.municipalityId, municipalityId))
			.orderBy(desc(councilDecisions.recordedAt))
	]);
	const adopted = signRows.filter((r) => !r.s.voidedAt && (implementationStatuses as readonly string[]).includes(r.status));
	const currentHash = await currentSignedHashes(q, [...new Set(adopted.map((r) => r.s.itemId))]);
	return {
		municipality: muni,
		awaiting,
		signed: signRows.map(({ s, title, status, content }) => ({
			itemId: s.itemId,
			title,
			decision: s.decision as SignOffDecision,
			versionNumber: s.versionNumber,
			kenmerk: s.kenmerk,
			signedAt: s.signedAt,
			voided: !!s.voidedAt,
			currentDiffers: !s.voidedAt && (implementationStatuses as readonly string[]).includes(status) && currentHash.get(s.itemId) !== safeSignedHash(content)
		})),
		positions: posRows.map(({ p, title }) => ({ itemId: p.itemId, title, position: p.position as PositionKind, updatedAt: p.updatedAt })),
		council: councilRows.map(({ c, title }) => ({
			itemId: c.itemId,
			title,
			outcome: c.outcome as CouncilOutcome,
			meetingDate: c.meetingDate,
			kenmerk: c.kenmerk
		}))
	};
}

/** Items gereed voor besluitvorming it takes part in without a valid sign-off, with their frozen version: three queries. */
async function awaitingDecision(q: Queryable, municipalityId: string): Promise<MunicipalityOverview['awaiting']> {
	const ready = await q
		.select({ id: agendaItems.id, title: agendaItems.title })
		.from(agendaItems)
		.innerJoin(agendaItemParticipants, and(eq(agendaItemParticipants.itemId, agendaItems.id), eq(agendaItemParticipants.municipalityId, municipalityId)))
		.where(eq(agendaItems.status, 'gereed_voor_besluitvorming'))
		.orderBy(asc(agendaItems.title));
	if (!ready.length) return [];
	const ids = ready.map((r) => r.id);
	const [validSigns, frozen] = await Promise.all([
		q
			.select({ itemId: signOffs.itemId })
			.from(signOffs)
			.where(and(eq(signOffs.municipalityId, municipalityId), isNull(signOffs.voidedAt), inArray(signOffs.itemId, ids))),
		// While gereed voor besluitvorming, the frozen version is the newest status version (sign-offs/frozen-version.ts).
		q
			.select({ itemId: agendaItemVersions.itemId, number: max(agendaItemVersions.number) })
			.from(agendaItemVersions)
			.where(and(inArray(agendaItemVersions.itemId, ids), eq(agendaItemVersions.reason, 'status')))
			.groupBy(agendaItemVersions.itemId)
	]);
	const signedNow = new Set(validSigns.map((s) => s.itemId));
	const frozenOf = new Map(frozen.map((f) => [f.itemId, f.number]));
	return ready.filter((r) => !signedNow.has(r.id)).map((r) => ({ ...r, versionNumber: frozenOf.get(r.id) ?? null }));
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
