import { canonicalJson } from '../../../agenda/canonical';
import { sha256Hex, type ItemContent } from '../agenda-items';

/**
 * What a college signature is about: the content of a version (content.ts, the canonical JSON the version
 * hash covers) without the implementation data that moves after the decision and was never up for it:
 * - `status`: the round itself moves it (gereed voor besluitvorming → vastgesteld → in uitvoering → afgerond);
 * - a milestone's `done` flag: implementation progress (its title and due date are the signed plan).
 * Progress reports are not item content at all (their own table). Everything else is signed content:
 * title, texts, ambition, horizon, trekker, participants and shares, planning, costs, documents, labels, people.
 */
export type SignedContent = Omit<ItemContent, 'status' | 'milestones'> & { milestones: { title: string; dueDate: string }[] };

export function signedContentOf(content: ItemContent): SignedContent {
	const { status: notSigned, milestones, ...rest } = content;
	void notSigned;
	return { ...rest, milestones: milestones.map((m) => ({ title: m.title, dueDate: m.dueDate })) };
}

/** SHA-256 of the canonical JSON of the signed content: equal hashes, equal signed content. */
export function signedContentHash(content: ItemContent): string {
	return sha256Hex(canonicalJson(signedContentOf(content)));
}

/** The same for a version's stored canonical JSON. */
export function signedHashOfStored(canonical: string): string {
	return signedContentHash(JSON.parse(canonical) as ItemContent);
}
