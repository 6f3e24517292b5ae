import type { Queryable } from '../../db';
import type { Actor } from '../../permissions';
import type { Origin } from '../audit';
import { frozenStatuses } from '../../../decisions/constants';
import { changeStatus, type StatusChange } from '../agenda-items';
import { contentOf } from '../agenda-items';
import { loadItemState } from '../agenda-items';
import { signedContentHash, signedHashOfStored, signedReference } from './signed-content';
import { voidSignOffs } from './void-sign-offs';

export interface EditConsequence {
	change: StatusChange;
	voided: number;
}

/**
 * Called by every use case that changes an item, inside its transaction after the write (the item row is
 * locked). When the content is frozen for or by the sign-off round (gereed voor besluitvorming,
 * vastgesteld) and the *signed content* (signed-content.ts) now differs from the version the signatures are
 * about, the sign-offs become void (visibly) and the item returns to in bespreking. Implementation data
 * (a milestone marked done) changes no signed content and voids nothing. Later (in uitvoering, afgerond)
 * an edit voids nothing either: the item page shows that the text no longer matches the signed version.
 * Returns null when nothing happened.
 */
export async function returnToDiscussionAfterEdit(
	tx: Queryable,
	itemId: string,
	actor: Pick<Actor, 'userId' | 'name'> | null,
	origin: Origin
): Promise<EditConsequence | null> {
	const state = await loadItemState(tx, itemId);
	if (!(frozenStatuses as readonly string[]).includes(state.status)) return null;
	const signed = await signedReference(tx, itemId);
	if (signed && signedHashOfStored(signed.content) === signedContentHash(contentOf(state))) return null;
	const voided = await voidSignOffs(tx, itemId, actor, 'edited', origin);
	const change = await changeStatus(tx, state, 'in_bespreking', actor, origin, { cause: 'edited', voidedSignOffs: voided });
	return { change, voided };
}
