import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { signOffs } from '../../db/schema';
import type { Actor } from '../../permissions';
import { record, type Origin } from '../audit';
import type { VoidReason } from '../../../decisions/constants';
import type { VoidedSignOff } from '../agenda-items';

/**
 * Voids every valid sign-off of an item inside the caller's transaction (which holds the item row lock):
 * the rows stay, marked with who, when and why, and an audit row says the same. Returns the voided ones.
 * `except` keeps one sign-off valid (the niet akkoord that ended the round).
 */
export async function voidSignOffs(
	tx: Queryable,
	itemId: string,
	actor: Pick<Actor, 'userId' | 'name'> | null,
	reason: VoidReason,
	origin: Origin,
	except?: string
): Promise<VoidedSignOff[]> {
	const now = new Date();
	const voided = await tx
		.update(signOffs)
		.set({ voidedAt: now, voidedBy: actor?.userId ?? null, voidedByName: actor?.name ?? 'systeem', voidReason: reason })
		.where(and(eq(signOffs.itemId, itemId), isNull(signOffs.voidedAt), except ? ne(signOffs.id, except) : undefined))
		.returning({ id: signOffs.id, municipalityId: signOffs.municipalityId, version: signOffs.versionNumber });
	if (voided.length) {
		await record(tx, {
			actor,
			actorLabel: 'systeem',
			action: 'signoff.voided',
			objectType: 'agenda_item',
			objectId: itemId,
			origin,
			details: { reason, signOffs: voided }
		});
	}
	return voided;
}
