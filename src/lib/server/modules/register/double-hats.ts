import { and, asc, inArray, isNull, eq } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { collaborationSeats, collaborations } from '../../db/schema';
import { can, type Actor } from '../../permissions';

/** One of a person's other hats: a seat on an arrangement's board, or a rapporteurship. */
export interface DoubleHat {
	collaborationId: string;
	collaborationName: string;
	municipalityId: string;
	seat: string;
	holderRole: string | null;
}

/**
 * The *dubbele petten* of everyone a page shows, in one query: for each account, the board seats and
 * rapporteurships linked to it in arrangements that have not ended. A page collects the people it names
 * (comment authors, signers, position holders) and asks once, never once per name.
 */
export async function doubleHatsOf(q: Queryable, actor: Actor | null, userIds: readonly (string | null | undefined)[]): Promise<Record<string, DoubleHat[]>> {
	const ids = [...new Set(userIds.filter((id): id is string => !!id))];
	if (!ids.length || !can(actor, 'register.read')) return {};
	const rows = await q
		.select({
			userId: collaborationSeats.userId,
			collaborationId: collaborations.id,
			collaborationName: collaborations.name,
			municipalityId: collaborationSeats.municipalityId,
			seat: collaborationSeats.seat,
			holderRole: collaborationSeats.holderRole
		})
		.from(collaborationSeats)
		.innerJoin(collaborations, eq(collaborations.id, collaborationSeats.collaborationId))
		.where(and(inArray(collaborationSeats.userId, ids), isNull(collaborations.endedAt)))
		.orderBy(asc(collaborations.name), asc(collaborationSeats.seat));
	const out: Record<string, DoubleHat[]> = {};
	for (const { userId, ...hat } of rows) (out[userId as string] ??= []).push(hat);
	return out;
}
