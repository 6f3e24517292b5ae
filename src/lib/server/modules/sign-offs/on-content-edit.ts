import type { Queryable } from '../../db';
import type { Actor } from '../../permissions';
import type { Origin } from '../audit/record';
import { frozenStatuses } from '../../../decisions/constants';
import { changeStatus, type StatusChange } from '../agenda-items/transition-item';
import { loadItemState } from '../agenda-items/state';
import { voidSignOffs } from './void-sign-offs';

export interface EditConsequence {
	change: StatusChange;
	voided: number;
}

/**
 * Called by every use case that changes an item's content, inside its transaction after the write (the
 * item row is locked): when the content was frozen for or by the sign-off round (gereed voor
 * besluitvorming, vastgesteld), the existing sign-offs become void (visibly) and the item returns to
 * in bespreking. Otherwise nothing happens and null is returned.
 */
export async function returnToDiscussionAfterEdit(
	tx: Queryable,
	itemId: string,
	actor: Pick<Actor, 'userId' | 'name'> | null,
	origin: Origin
): Promise<EditConsequence | null> {
	const state = await loadItemState(tx, itemId);
	if (!(frozenStatuses as readonly string[]).includes(state.status)) return null;
	const voided = await voidSignOffs(tx, itemId, actor, 'edited', origin);
	const change = await changeStatus(tx, state, 'in_bespreking', actor, origin, { cause: 'edited', voidedSignOffs: voided });
	return { change, voided };
}
