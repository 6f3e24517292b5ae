import type { Db } from '../../db';
import { agendaItemParticipants, agendaItems } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { record, type Origin } from '../audit/record';
import { createItemSchema } from '../../../validation/agenda';
import { assertAmbitionExists } from './rules';
import { loadItemState, withContributor } from './state';
import { publishItemChange } from './events';

/** Creates a concept agenda item under an ambition; the trekker (if given) takes part from the start. */
export async function createItem(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ id: string }> {
	authorize(actor, 'item.create');
	const data = parse(createItemSchema, input);

	const state = await db.transaction(async (tx) => {
		await assertAmbitionExists(tx, data.ambitionId);
		const [row] = await tx
			.insert(agendaItems)
			.values({
				ambitionId: data.ambitionId,
				title: data.title,
				summary: data.summary,
				horizon: data.horizon,
				trekkerId: data.trekkerId,
				status: 'concept',
				createdBy: actor.userId,
				seq: 1,
				pendingContributors: withContributor([], actor)
			})
			.returning({ id: agendaItems.id });
		if (data.trekkerId) {
			await tx.insert(agendaItemParticipants).values({ itemId: row.id, municipalityId: data.trekkerId });
		}
		await record(tx, {
			actor,
			action: 'item.create',
			objectType: 'agenda_item',
			objectId: row.id,
			origin,
			details: { title: data.title, ambitionId: data.ambitionId, horizon: data.horizon, trekkerId: data.trekkerId }
		});
		return loadItemState(tx, row.id);
	});

	publishItemChange(state, state.seq, 'created', actor);
	return { id: state.id };
}
