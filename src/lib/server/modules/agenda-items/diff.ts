import { diffWords } from 'diff';
import { canonicalJson } from '../../../agenda/canonical';
import type { ItemContent } from './content';

/** A piece of a text diff: unchanged, added or removed. */
export interface TextPart {
	value: string;
	kind: 'same' | 'added' | 'removed';
}

export type ScalarField = 'title' | 'ambitionId' | 'horizon' | 'trekkerId' | 'status' | 'startDate' | 'endDate' | 'costEstimateCents' | 'verdeelsleutel';
export type ListField = 'participants' | 'contributions' | 'milestones' | 'links' | 'tags' | 'people' | 'scenarios';
export type TextField = 'summary' | 'description' | 'meerwaarde';

export interface VersionDiff {
	scalars: { field: ScalarField; before: string | number | null; after: string | number | null }[];
	/** Entries present in only one of the two versions (compared as a whole, order ignored). */
	lists: { field: ListField; added: unknown[]; removed: unknown[] }[];
	/** Word diffs of the texts (the plain-text form of the rich texts); only texts that differ. */
	texts: { field: TextField; parts: TextPart[] }[];
	/** True when the two contents are identical. */
	identical: boolean;
}

const scalarFields: ScalarField[] = ['title', 'ambitionId', 'horizon', 'trekkerId', 'status', 'startDate', 'endDate', 'costEstimateCents', 'verdeelsleutel'];
const listFields: ListField[] = ['participants', 'contributions', 'milestones', 'links', 'tags', 'people', 'scenarios'];

/** A list field's entries; the scenarios each with whether the item proposes it (so a new proposal shows). */
function entriesOf(c: ItemContent, field: ListField): unknown[] {
	if (field !== 'scenarios') return c[field];
	const s = c.scenarios;
	return (s?.options ?? []).map(({ title, description, oneOffCents, yearlyCents, verdeelsleutel, collaborationId, id }) => ({
		title,
		description,
		oneOffCents,
		yearlyCents,
		// Absent in versions made before an option could have its own cost key: the same as null.
		verdeelsleutel: verdeelsleutel ?? null,
		collaborationId,
		proposed: id === s?.proposedId
	}));
}

function textOf(c: ItemContent, field: TextField): string {
	return field === 'summary' ? c.summary : c[field].text;
}

/** What changed from version `a` to version `b`: fields and texts. Pure. */
export function diffContents(a: ItemContent, b: ItemContent): VersionDiff {
	const scalars = scalarFields.filter((f) => a[f] !== b[f]).map((field) => ({ field, before: a[field], after: b[field] }));

	const lists = listFields
		.map((field) => {
			const before = entriesOf(a, field).map((v) => [canonicalJson(v), v] as const);
			const after = entriesOf(b, field).map((v) => [canonicalJson(v), v] as const);
			const beforeKeys = new Set(before.map(([k]) => k));
			const afterKeys = new Set(after.map(([k]) => k));
			return {
				field,
				added: after.filter(([k]) => !beforeKeys.has(k)).map(([, v]) => v),
				removed: before.filter(([k]) => !afterKeys.has(k)).map(([, v]) => v)
			};
		})
		.filter((l) => l.added.length || l.removed.length);

	const texts = (['summary', 'description', 'meerwaarde'] as TextField[])
		.filter((f) => textOf(a, f) !== textOf(b, f))
		.map((field) => ({
			field,
			parts: diffWords(textOf(a, field), textOf(b, field)).map((p): TextPart => ({ value: p.value, kind: p.added ? 'added' : p.removed ? 'removed' : 'same' }))
		}));

	// The HTML may differ (formatting) while the plain text does not: still a difference worth showing.
	const htmlOnly = (['description', 'meerwaarde'] as const).filter((f) => a[f].text === b[f].text && a[f].html !== b[f].html);
	for (const field of htmlOnly) texts.push({ field, parts: [{ value: b[field].text, kind: 'same' }] });

	return { scalars, lists, texts, identical: canonicalJson(a) === canonicalJson(b) };
}
