import { contentOf, type ItemState, type SignOffRules } from '../agenda-items';
import { signedContentHash } from './signed-content';
import { voidSignOffs } from './void-sign-offs';

/** Whether two states of an item agree in everything a college signs. */
export function sameSignedContent(a: ItemState, b: ItemState): boolean {
	return signedContentHash(contentOf(a)) === signedContentHash(contentOf(b));
}

/**
 * What the agenda-items module asks of the sign-off round on every write to an item (`changeItem`): a change
 * to frozen signed content is refused; reopening (and a new round) voids the sign-offs.
 */
export const signOffRules: SignOffRules = { voidSignOffs, sameSignedContent };
