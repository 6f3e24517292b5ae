import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../agenda/canonical';
import type { ItemState } from './state';
import type { ItemCollaboration } from '../register';
import type { ItemScenarios } from './scenarios';

/** Bumped when the shape of a version's content changes; old versions keep their own format. */
export const CONTENT_FORMAT = 1;

/** The frozen content of a version: every field of the item, texts included (no counters, no timestamps). */
export interface ItemContent {
	format: number;
	itemId: string;
	ambitionId: number;
	title: string;
	summary: string;
	description: { html: string; text: string };
	meerwaarde: { html: string; text: string };
	horizon: string;
	trekkerId: string | null;
	status: string;
	startDate: string | null;
	endDate: string | null;
	costEstimateCents: number;
	verdeelsleutel: string;
	contributions: { label: string; amountCents: number }[];
	participants: { municipalityId: string; customShareBp: number | null }[];
	milestones: { title: string; dueDate: string; done: boolean }[];
	links: { title: string; url: string; kenmerk: string }[];
	tags: string[];
	people: string[];
	/**
	 * The arrangement the item proposes and its assessment, signed with the item. Only present with a linked
	 * assessment, so the content (and hash) of every item without one is what it always was.
	 */
	collaboration?: ItemCollaboration;
	/**
	 * The options the item puts side by side and the one it proposes, signed with the item. Only present when
	 * the item has scenarios, so the content (and hash) of every item without them is what it always was.
	 */
	scenarios?: ItemScenarios;
}

export function contentOf(state: ItemState): ItemContent {
	return {
		format: CONTENT_FORMAT,
		itemId: state.id,
		ambitionId: state.ambitionId,
		title: state.title,
		summary: state.summary,
		description: { html: state.descriptionHtml, text: state.descriptionText },
		meerwaarde: { html: state.meerwaardeHtml, text: state.meerwaardeText },
		horizon: state.horizon,
		trekkerId: state.trekkerId,
		status: state.status,
		startDate: state.startDate,
		endDate: state.endDate,
		costEstimateCents: state.costEstimateCents,
		verdeelsleutel: state.verdeelsleutel,
		contributions: state.contributions.map((c) => ({ label: c.label, amountCents: c.amountCents })),
		participants: [...state.participants]
			.sort((a, b) => (a.municipalityId < b.municipalityId ? -1 : 1))
			.map((p) => ({ municipalityId: p.municipalityId, customShareBp: p.customShareBp })),
		milestones: state.milestones.map((m) => ({ title: m.title, dueDate: m.dueDate, done: m.done })),
		links: state.links.map((l) => ({ title: l.title, url: l.url, kenmerk: l.kenmerk })),
		tags: [...state.tags],
		people: [...state.people].sort(),
		...(state.collaboration ? { collaboration: structuredClone(state.collaboration) } : {}),
		...(state.scenarios ? { scenarios: structuredClone(state.scenarios) } : {})
	};
}

export function sha256Hex(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Canonical JSON of the content and its SHA-256: what a version stores and what a signature binds to. */
export function freeze(content: ItemContent): { canonical: string; hash: string } {
	const canonical = canonicalJson(content);
	return { canonical, hash: sha256Hex(canonical) };
}

/** Recomputes the hash of stored canonical content: true when it still matches (nothing tampered with). */
export function verifyContent(canonical: string, hash: string): boolean {
	return sha256Hex(canonical) === hash;
}
