import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { agendaItemVersions } from '../../db/schema';
import type { FrozenVersion } from '../../../decisions/views';

export type { FrozenVersion } from '../../../decisions/views';

/**
 * The version a sign-off round is about: the one frozen when the item went to gereed voor besluitvorming.
 * While the item is in that status, it is its newest status version (any content change leaves the status).
 */
export async function frozenVersion(q: Queryable, itemId: string): Promise<FrozenVersion | null> {
	const [row] = await q
		.select({ id: agendaItemVersions.id, number: agendaItemVersions.number, contentHash: agendaItemVersions.contentHash })
		.from(agendaItemVersions)
		.where(and(eq(agendaItemVersions.itemId, itemId), eq(agendaItemVersions.reason, 'status')))
		.orderBy(desc(agendaItemVersions.number))
		.limit(1);
	return row ?? null;
}
