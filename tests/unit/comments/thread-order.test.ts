import { describe, expect, it } from 'vitest';
import { orderByPassage } from '../../../src/lib/components/comments/thread-order';

type T = { name: string; root: { anchor: { field: 'description' | 'meerwaarde' } | null }; at: number | null };
const thread = (name: string, field: 'description' | 'meerwaarde' | null, at: number | null = null): T => ({
	name,
	root: { anchor: field ? { field } : null },
	at
});
const names = (ts: T[]) => orderByPassage(ts, (t) => t.at).map((t) => t.name);

describe('orderByPassage', () => {
	it('puts anchored threads in the order of their passages, description before meerwaarde, and the whole-item threads last', () => {
		const threads = [
			thread('geheel 1', null),
			thread('meerwaarde 5', 'meerwaarde', 5),
			thread('beschrijving 40', 'description', 40),
			thread('geheel 2', null),
			thread('beschrijving 3', 'description', 3)
		];
		expect(names(threads)).toEqual(['beschrijving 3', 'beschrijving 40', 'meerwaarde 5', 'geheel 1', 'geheel 2']);
	});

	it('keeps threads whose passage is not known (editor not open, passage deleted) after the placed ones of their field, in their own order', () => {
		const threads = [thread('onbekend b', 'description'), thread('geplaatst', 'description', 10), thread('onbekend a', 'description'), thread('geheel', null)];
		expect(names(threads)).toEqual(['geplaatst', 'onbekend b', 'onbekend a', 'geheel']);
	});
});
