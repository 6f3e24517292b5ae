import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { positionChanges, positions } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import { setPositionSchema } from '../../../validation/decisions';
import type { PositionKind } from '../../../decisions/constants';
import { loadItemState, nextSeq } from '../agenda-items';
import { publishDecisionChange } from './publish';

export interface SetPositionResult {
	position: PositionKind;
	from: PositionKind | null;
	changed: boolean;
}

/**
 * Sets a municipality's position (standpunt) on an item, for klankbordgroep and college members of that
 * municipality. Every change is kept in `position_changes` (who, when, from what to what, why).
 */
export async function setPosition(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<SetPositionResult> {
	const data = parse(setPositionSchema, input);
	authorize(actor, 'position.set', { municipalityId: data.municipalityId });

	const out = await db.transaction(async (tx) => {
		const item = await loadItemState(tx, data.itemId, { lock: true });
		const [current] = await tx
			.select()
			.from(positions)
			.where(and(eq(positions.itemId, data.itemId), eq(positions.municipalityId, data.municipalityId)));
		const from = (current?.position as PositionKind | undefined) ?? null;
		const same =
			current &&
			current.position === data.position &&
			current.reasons === data.reasons &&
			JSON.stringify(current.conditions) === JSON.stringify(data.conditions);
		if (same) return { item, from, changed: false, seq: item.seq };

		const now = new Date();
		const values = {
			position: data.position,
			reasons: data.reasons,
			conditions: data.conditions,
			updatedBy: actor.userId,
			updatedByName: actor.name,
			updatedAt: now
		};
		await tx
			.insert(positions)
			.values({ itemId: data.itemId, municipalityId: data.municipalityId, ...values })
			.onConflictDoUpdate({ target: [positions.itemId, positions.municipalityId], set: values });
		await tx.insert(positionChanges).values({
			itemId: data.itemId,
			municipalityId: data.municipalityId,
			fromPosition: from,
			toPosition: data.position,
			reasons: data.reasons,
			conditions: data.conditions,
			changedBy: actor.userId,
			changedByName: actor.name,
			changedAt: now
		});
		const seq = await nextSeq(tx, data.itemId);
		await record(tx, {
			actor,
			action: 'position.set',
			objectType: 'agenda_item',
			objectId: data.itemId,
			origin,
			details: { municipalityId: data.municipalityId, from, to: data.position, reasons: data.reasons, conditions: data.conditions }
		});
		return { item, from, changed: true, seq };
	});

	if (out.changed)
		publishDecisionChange(
			{ itemId: data.itemId, seq: out.seq, kind: 'position', municipalityId: data.municipalityId, value: data.position, status: out.item.status },
			actor
		);
	return { position: data.position, from: out.from, changed: out.changed };
}
