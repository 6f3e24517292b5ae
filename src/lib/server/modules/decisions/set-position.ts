import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../db';
import { event } from '../../bus';
import { positionChanges, positions } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { setPositionSchema } from '../../../validation/decisions';
import type { PositionKind } from '../../../decisions/constants';
import { changeItem, type ItemAfter } from '../agenda-items';
import { decisionEventOf } from './decision-event';

export interface SetPositionResult {
	position: PositionKind;
	from: PositionKind | null;
	changed: boolean;
}

/**
 * Sets a municipality's position (standpunt) on an item, for klankbordgroep and college members of that
 * municipality. Every change is kept in `position_changes` (who, when, from what to what, why). A position
 * is internal to the portal unless the municipality shares it publicly (`sharedPublicly`).
 */
export async function setPosition(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<SetPositionResult> {
	const data = parse(setPositionSchema, input);
	authorize(actor, 'position.set', { municipalityId: data.municipalityId });

	const { value: from, after } = await changeItem(db, actor, data.itemId, origin, async (tx, item, audit) => {
		const [current] = await tx
			.select()
			.from(positions)
			.where(and(eq(positions.itemId, data.itemId), eq(positions.municipalityId, data.municipalityId)));
		const from = (current?.position as PositionKind | undefined) ?? null;
		const same =
			current &&
			current.position === data.position &&
			current.reasons === data.reasons &&
			current.sharedPublicly === data.sharedPublicly &&
			JSON.stringify(current.conditions) === JSON.stringify(data.conditions);
		if (same) return { unchanged: true, value: from };
		await writePosition(tx, data, from, actor);
		await audit('position.set', {
			municipalityId: data.municipalityId,
			from,
			to: data.position,
			reasons: data.reasons,
			conditions: data.conditions,
			sharedPublicly: data.sharedPublicly
		});
		const position = (after: ItemAfter) => ({ ...decisionEventOf(after, data.municipalityId, actor), position: data.position });
		return { value: from, state: item, events: (after) => [event('position.set', position(after))] };
	});
	return { position: data.position, from, changed: after !== null };
}

/** Stores the position and the change in its history (who, when, from what to what, why). */
async function writePosition(tx: Tx, data: z.output<typeof setPositionSchema>, from: PositionKind | null, actor: Actor): Promise<void> {
	const now = new Date();
	const values = {
		position: data.position,
		reasons: data.reasons,
		conditions: data.conditions,
		sharedPublicly: data.sharedPublicly,
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
		sharedPublicly: data.sharedPublicly,
		changedBy: actor.userId,
		changedByName: actor.name,
		changedAt: now
	});
}
