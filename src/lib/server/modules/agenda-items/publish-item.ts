import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { event } from '../../bus';
import { agendaItems } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { itemPublicationSchema } from '../../../validation/public';
import { isAdoptedStatus } from '../../../public/visibility';
import { changeItem, itemEventOf } from './change';

/**
 * The verkenner makes an item public before it is adopted (so residents can follow a proposal), or takes
 * that back. From vastgesteld on every item is public by the visibility rule, so taking it back is refused.
 * Publication is not part of the signed content: it may change while the item is frozen.
 */
export async function setItemPublic(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ public: boolean }> {
	const data = parse(itemPublicationSchema, input);
	authorize(actor, 'item.publish');
	await changeItem(db, actor, data.itemId, origin, async (tx, item, audit) => {
		const [row] = await tx.select({ publicSince: agendaItems.publicSince }).from(agendaItems).where(eq(agendaItems.id, data.itemId));
		if (!data.public && isAdoptedStatus(item.status)) throw new DomainError('public_item_adopted_always_public', {}, {}, 409);
		if ((row.publicSince !== null) === data.public) return { unchanged: true, value: undefined };
		await tx
			.update(agendaItems)
			.set({ publicSince: data.public ? new Date() : null })
			.where(eq(agendaItems.id, data.itemId));
		await audit('item.publication_changed', { public: data.public });
		return { value: undefined, state: item, events: (after) => [event('item.fields_changed', { ...itemEventOf(after.state, actor), fields: ['public'] })] };
	});
	return { public: data.public };
}
