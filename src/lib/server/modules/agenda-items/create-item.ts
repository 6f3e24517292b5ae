import type { Db, Queryable } from '../../db';
import { event, inTransaction } from '../../bus';
import { agendaItemParticipants, agendaItems } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import { createItemSchema } from '../../../validation/agenda';
import type { z } from 'zod';
import { assertAmbitionExists } from './rules';
import { loadItemState, withContributor, type ItemState } from './state';
import { itemEventOf } from './change';

/** Creates a concept agenda item under an ambition; the trekker (if given) takes part from the start. */
export async function createItem(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ id: string }> {
	authorize(actor, 'item.create');
	const data = parse(createItemSchema, input);

	// A new item has no row to lock yet: one transaction, and its event after the commit.
	const state = await inTransaction(db, async (tx, events) => {
		const created = await insertItem(tx, actor, data, origin);
		events.add(event('item.created', itemEventOf(created, actor)));
		return created;
	});
	return { id: state.id };
}

/** What a creation may bring beyond the form: a candidate from an interview brings its meerwaarde and interested municipalities. */
export interface InsertItemExtras {
	participants?: readonly string[];
	meerwaarde?: { html: string; text: string };
}

/**
 * The creation itself, inside the caller's transaction (so another use case can create an item together with
 * its own rows). The caller has authorised `item.create`, and adds `item.created` (`itemEventOf`) to its events.
 */
export async function insertItem(
	tx: Queryable,
	actor: Actor,
	data: z.output<typeof createItemSchema>,
	origin: Origin,
	extras: InsertItemExtras = {}
): Promise<ItemState> {
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
			pendingContributors: withContributor([], actor),
			...(extras.meerwaarde ? { meerwaardeHtml: extras.meerwaarde.html, meerwaardeText: extras.meerwaarde.text } : {})
		})
		.returning({ id: agendaItems.id });
	const participants = [...new Set([...(data.trekkerId ? [data.trekkerId] : []), ...(extras.participants ?? [])])];
	if (participants.length) {
		await tx.insert(agendaItemParticipants).values(participants.map((municipalityId) => ({ itemId: row.id, municipalityId })));
	}
	await record(tx, {
		actor,
		action: 'item.created',
		objectType: 'agenda_item',
		objectId: row.id,
		origin,
		details: {
			title: data.title,
			ambitionId: data.ambitionId,
			horizon: data.horizon,
			trekkerId: data.trekkerId,
			...(extras.participants ? { participants } : {})
		}
	});
	return loadItemState(tx, row.id);
}
