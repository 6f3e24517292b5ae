import { publish } from '../../realtime/publish';
import type { AgendaItemEvent, ItemChangedEvent } from '../../../realtime/events';
import type { Actor } from '../../permissions';
import type { ItemState } from './state';

export type ChangeKind = ItemChangedEvent['kind'];

export function by(actor: Pick<Actor, 'userId' | 'name'> | null): ItemChangedEvent['by'] {
	return actor ? { userId: actor.userId, name: actor.name } : null;
}

/**
 * Tells everyone on the item page and on the overview; called only after the transaction committed.
 * Only the interviews module still calls it: the commands of this module add domain events (`itemEventOf`)
 * to their transaction's sink instead, and this file goes when the last caller does the same.
 */
export function publishItemChange(
	state: Pick<ItemState, 'id' | 'ambitionId' | 'title' | 'status' | 'revision'>,
	seq: number,
	kind: ChangeKind,
	actor: Pick<Actor, 'userId' | 'name'> | null,
	extra: { fields?: string[]; version?: number } = {}
): void {
	const who = by(actor);
	publish(`item:${state.id}`, 'item:changed', {
		itemId: state.id,
		seq,
		revision: state.revision,
		status: state.status,
		kind,
		by: who,
		...extra
	});
	const summary: AgendaItemEvent = {
		itemId: state.id,
		ambitionId: state.ambitionId,
		title: state.title,
		status: state.status,
		kind,
		by: who
	};
	publish('agenda', 'agenda:item', summary);
}
