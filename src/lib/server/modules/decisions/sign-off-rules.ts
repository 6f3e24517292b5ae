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

/** Whether two states of an item agree in everything a college signs. */
export function sameSignedContent(a: ItemState, b: ItemState): boolean {
	return signedContentHash(contentOf(a)) === signedContentHash(contentOf(b));
}

/**
 * What the agenda-items module asks of the sign-off round on every write to an item (`changeItem`): a change
 * to frozen signed content is refused; reopening (and a new round) voids the sign-offs.
 */
export const signOffRules: SignOffRules = { voidSignOffs, sameSignedContent };
