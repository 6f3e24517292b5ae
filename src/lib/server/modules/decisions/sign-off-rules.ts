import type { Queryable } from '../../db';
import { contentOf, type ItemState, type SignOffRules } from '../agenda-items';
import { signedContentHash, signedHashOfStored, signedReference } from './signed-content';
import { voidSignOffs } from './void-sign-offs';

/**
 * Whether the item as it is now differs in its *signed content* (signed-content.ts) from the version the
 * signatures are about (or, while no one signed yet, the version frozen for the round).
 */
export async function signedContentDiffers(q: Queryable, state: ItemState): Promise<boolean> {
	const signed = await signedReference(q, state.id);
	return !(signed && signedHashOfStored(signed.content) === signedContentHash(contentOf(state)));
}

/**
 * What the agenda-items module asks of the sign-off round on every write to an item (`changeItem`): editing
 * frozen content voids the sign-offs and reopens the item; reopening by hand voids them too.
 */
export const signOffRules: SignOffRules = { voidSignOffs, signedContentDiffers };
