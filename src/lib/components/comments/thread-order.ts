import type { RichTextField } from '$lib/collab/fields';

/** The item's texts in the order of the page: its description, its meerwaarde, then the scenarios' descriptions. */
const fieldRank = (field: RichTextField) => (field === 'description' ? 0 : field === 'meerwaarde' ? 1 : 2);
const UNANCHORED = 3;

interface Ordered {
	root: { anchor?: { field: RichTextField } | null };
}

/**
 * The threads in the order a reader meets their passages, as in a document editor: anchored threads by the
 * field they are in and the place of their passage in it (`at`: null when not known, e.g. the editor is not
 * open or the passage was deleted; those follow the placed ones of their field), then the threads on the
 * item as a whole, in their own order.
 */
export function orderByPassage<T extends Ordered>(threads: T[], at: (thread: T) => number | null): T[] {
	const key = (t: T, i: number): number[] => {
		const anchor = t.root.anchor;
		if (!anchor) return [UNANCHORED, 0, 0, i];
		const pos = at(t);
		return [fieldRank(anchor.field), pos === null ? 1 : 0, pos ?? 0, i];
	};
	const keyed = threads.map((t, i) => ({ t, k: key(t, i) }));
	keyed.sort((a, b) => {
		for (let j = 0; j < a.k.length; j++) if (a.k[j] !== b.k[j]) return a.k[j] - b.k[j];
		return 0;
	});
	return keyed.map(({ t }) => t);
}
