import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { agendaItems, councilDecisions, signOffs } from '../../db/schema';
import type { MunicipalityId } from '../../../roles';
import { publicItemsWhere } from './visibility';
import type { PublicDecision } from './schemas';

/** Narrows the decisions to one municipality's (its college and council) or to the items of one ambition. */
interface PublicDecisionFilter {
	municipalityId?: MunicipalityId;
	ambitionId?: number;
}

/**
 * The decisions on public items, newest first (by the date of the meeting, then when recorded): each valid
 * college decision and each council decision. For the Atom and calendar feeds and the public pages per
 * municipality and per ambition; two SQL statements.
 */
export async function listPublicDecisions(q: Queryable, limit = 200, filter: PublicDecisionFilter = {}): Promise<PublicDecision[]> {
	const ofAmbition = filter.ambitionId === undefined ? undefined : eq(agendaItems.ambitionId, filter.ambitionId);
	const [college, council] = await Promise.all([
		q
			.select({ d: signOffs, itemTitle: agendaItems.title })
			.from(signOffs)
			.innerJoin(agendaItems, eq(agendaItems.id, signOffs.itemId))
			.where(
				and(publicItemsWhere(), isNull(signOffs.voidedAt), ofAmbition, filter.municipalityId ? eq(signOffs.municipalityId, filter.municipalityId) : undefined)
			)
			.orderBy(desc(signOffs.meetingDate), desc(signOffs.signedAt))
			.limit(limit),
		q
			.select({ d: councilDecisions, itemTitle: agendaItems.title })
			.from(councilDecisions)
			.innerJoin(agendaItems, eq(agendaItems.id, councilDecisions.itemId))
			.where(and(publicItemsWhere(), ofAmbition, filter.municipalityId ? eq(councilDecisions.municipalityId, filter.municipalityId) : undefined))
			.orderBy(desc(councilDecisions.meetingDate), desc(councilDecisions.recordedAt))
			.limit(limit)
	]);
	const all: PublicDecision[] = [
		...college.map(({ d, itemTitle }) => ({
			id: d.id,
			kind: 'college' as const,
			itemId: d.itemId,
			itemTitle,
			municipalityId: d.municipalityId as MunicipalityId,
			outcome: d.decision,
			meetingDate: d.meetingDate,
			kenmerk: d.kenmerk,
			recordedAt: d.signedAt.toISOString()
		})),
		...council.map(({ d, itemTitle }) => ({
			id: d.id,
			kind: 'raad' as const,
			itemId: d.itemId,
			itemTitle,
			municipalityId: d.municipalityId as MunicipalityId,
			outcome: d.outcome,
			meetingDate: d.meetingDate,
			kenmerk: d.kenmerk,
			recordedAt: d.recordedAt.toISOString()
		}))
	];
	return all.sort((a, b) => b.meetingDate.localeCompare(a.meetingDate) || b.recordedAt.localeCompare(a.recordedAt)).slice(0, limit);
}
