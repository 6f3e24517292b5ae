import { and, asc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db';
import {
	collaborationAmbitions,
	collaborationContributions,
	collaborationMoments,
	collaborationParticipants,
	collaborationSeats,
	collaborations,
	municipalities
} from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { collaborationIdSchema, registerFilterSchema } from '../../../validation/register';
import { municipalityIdSchema } from '../../../roles';
import { ValidationError } from '../../errors';
import { upcomingUntil } from '../../../register/dates';
import { amsterdamParts } from '../../../meetings/time';
import { loadCollaboration } from './change';
import { doubleHatsOf } from './double-hats';

/** The condition "the arrangement is one the municipality takes part in", for a query's where. */
export function takesPart(q: Queryable, municipalityId: string): SQL {
	return inArray(
		collaborations.id,
		q
			.select({ id: collaborationParticipants.collaborationId })
			.from(collaborationParticipants)
			.where(eq(collaborationParticipants.municipalityId, municipalityId))
	);
}

/** The register, by name; filtered by a municipality that takes part, the kind and the domain. */
export async function listCollaborations(q: Queryable, actor: Actor | null, filter: unknown = {}) {
	authorize(actor, 'register.read');
	const f = parse(registerFilterSchema, filter);
	const where: SQL[] = [];
	if (f.kind) where.push(eq(collaborations.kind, f.kind));
	if (f.domain) where.push(sql`lower(${collaborations.domain}) = lower(${f.domain})`);
	if (f.municipalityId) where.push(takesPart(q, f.municipalityId));
	const rows = await q
		.select()
		.from(collaborations)
		.where(and(...where))
		.orderBy(asc(collaborations.name), asc(collaborations.id));
	const parts = rows.length
		? await q
				.select()
				.from(collaborationParticipants)
				.where(
					inArray(
						collaborationParticipants.collaborationId,
						rows.map((r) => r.id)
					)
				)
		: [];
	return rows.map((r) => ({
		...r,
		municipalityIds: parts.flatMap((p) => (p.collaborationId === r.id && p.municipalityId ? [p.municipalityId] : [])),
		outside: parts.flatMap((p) => (p.collaborationId === r.id && p.outsideName ? [p.outsideName] : []))
	}));
}

/** One arrangement with everything: ambitions, participants, contributions, board seats, rapporteurs, cycle. */
export async function getCollaboration(q: Queryable, actor: Actor | null, collaborationId: unknown) {
	authorize(actor, 'register.read');
	const parsed = collaborationIdSchema.safeParse(collaborationId);
	if (!parsed.success) throw new ValidationError({ collaborationId: 'validation_register_unknown' });
	const id = parsed.data;
	const collaboration = await loadCollaboration(q, id);
	const [ambitions, participants, contributions, seats, moments] = await Promise.all([
		q.select({ id: collaborationAmbitions.ambitionId }).from(collaborationAmbitions).where(eq(collaborationAmbitions.collaborationId, id)),
		q
			.select({ participant: collaborationParticipants })
			.from(collaborationParticipants)
			.leftJoin(municipalities, eq(municipalities.id, collaborationParticipants.municipalityId))
			.where(eq(collaborationParticipants.collaborationId, id))
			.orderBy(asc(municipalities.sortOrder), asc(collaborationParticipants.outsideName)),
		q
			.select()
			.from(collaborationContributions)
			.where(eq(collaborationContributions.collaborationId, id))
			.orderBy(asc(collaborationContributions.year), asc(collaborationContributions.municipalityId)),
		q
			.select()
			.from(collaborationSeats)
			.where(eq(collaborationSeats.collaborationId, id))
			.orderBy(asc(collaborationSeats.municipalityId), asc(collaborationSeats.seat), asc(collaborationSeats.name)),
		q
			.select()
			.from(collaborationMoments)
			.where(eq(collaborationMoments.collaborationId, id))
			.orderBy(asc(collaborationMoments.on), asc(collaborationMoments.id))
	]);
	return {
		collaboration,
		ambitionIds: ambitions.map((a) => a.id).sort((a, b) => a - b),
		participants: participants.map((p) => p.participant),
		contributions,
		seats: seats.filter((s) => s.seat !== 'rapporteur'),
		rapporteurs: seats.filter((s) => s.seat === 'rapporteur'),
		moments
	};
}

/**
 * A municipality's arrangements (those not ended before today): each with its exit cost and notice term,
 * its contribution this year, and the decision moments for it (its own or for all) in the next six months.
 */
export async function municipalityOverview(q: Queryable, actor: Actor | null, municipalityId: unknown, today = amsterdamParts(new Date()).date) {
	authorize(actor, 'register.read');
	const mid = municipalityIdSchema.safeParse(municipalityId);
	if (!mid.success) throw new ValidationError({ municipalityId: 'validation_register_municipality' });
	const year = Number(today.slice(0, 4));
	const until = upcomingUntil(today);
	const rows = await q
		.select({ collaboration: collaborations, participant: collaborationParticipants, contribution: collaborationContributions })
		.from(collaborationParticipants)
		.innerJoin(collaborations, eq(collaborations.id, collaborationParticipants.collaborationId))
		.leftJoin(
			collaborationContributions,
			and(
				eq(collaborationContributions.collaborationId, collaborations.id),
				eq(collaborationContributions.municipalityId, mid.data),
				eq(collaborationContributions.year, year)
			)
		)
		.where(and(eq(collaborationParticipants.municipalityId, mid.data), or(isNull(collaborations.endsOn), gte(collaborations.endsOn, today))))
		.orderBy(asc(collaborations.name), asc(collaborations.id));
	const ids = rows.map((r) => r.collaboration.id);
	const moments = ids.length
		? await q
				.select()
				.from(collaborationMoments)
				.where(
					and(
						inArray(collaborationMoments.collaborationId, ids),
						gte(collaborationMoments.on, today),
						lte(collaborationMoments.on, until),
						or(isNull(collaborationMoments.municipalityId), eq(collaborationMoments.municipalityId, mid.data))
					)
				)
				.orderBy(asc(collaborationMoments.on), asc(collaborationMoments.id))
		: [];
	const names = new Map(rows.map((r) => [r.collaboration.id, r.collaboration.name]));
	return {
		municipalityId: mid.data,
		year,
		arrangements: rows.map((r) => ({
			id: r.collaboration.id,
			name: r.collaboration.name,
			kind: r.collaboration.kind,
			domain: r.collaboration.domain,
			exitCostCents: r.participant.exitCostCents,
			noticeTerm: r.participant.noticeTerm,
			noticeUnit: r.participant.noticeUnit,
			contribution: r.contribution ? { cents: r.contribution.cents, key: r.contribution.key, shareBp: r.contribution.shareBp } : null
		})),
		totalContributionCents: rows.reduce((sum, r) => sum + (r.contribution?.cents ?? 0), 0),
		upcoming: moments.map((mo) => ({ ...mo, collaborationName: names.get(mo.collaborationId) as string }))
	};
}

/**
 * The *dubbele petten* of one person: the board seats and rapporteurships linked to their account in
 * arrangements that have not ended, so the double role can be shown wherever they act in the portal.
 */
export async function seatsOfPerson(q: Queryable, actor: Actor | null, userId: string) {
	authorize(actor, 'register.read');
	return (await doubleHatsOf(q, actor, [userId]))[userId] ?? [];
}
