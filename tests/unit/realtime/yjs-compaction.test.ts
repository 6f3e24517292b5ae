import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';

/** The stored rows are replaced through the collaboration module; here each replacement waits until told to finish. */
const replacements: { ids: number[]; finish: (id: number) => void }[] = [];
vi.mock('../../../src/lib/server/modules/collaboration', () => ({
	replaceRows: (_db: unknown, _itemId: string, _field: string, ids: number[]) =>
		new Promise<{ id: number; removed: number }>((resolve) => replacements.push({ ids, finish: (id) => resolve({ id, removed: ids.length }) }))
}));

const { Compaction } = await import('../../../src/lib/server/realtime/yjs-compaction');
type Scope = ConstructorParameters<typeof Compaction>[0];
const scope = {
	db: null,
	itemId: 'item',
	field: 'description',
	room: 'doc:item:description',
	doc: new Y.Doc(),
	options: { compactAfterRows: 2 }
} as unknown as Scope;
const settled = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => void (replacements.length = 0));

describe('compaction of a live document', () => {
	it('replaces the rows it applied by one, once there are more than the limit', async () => {
		const compaction = new Compaction(scope);
		compaction.add(1, 2);
		compaction.compactIfDue();
		expect(replacements).toHaveLength(0);
		compaction.add(3);
		compaction.compactIfDue();
		expect(replacements.map((r) => r.ids)).toEqual([[1, 2, 3]]);
		replacements[0].finish(10);
		await settled();
		expect(compaction.known()).toEqual([10]);
	});

	it('runs again at once when enough rows were stored while it ran, without waiting for another keystroke', async () => {
		const compaction = new Compaction(scope);
		compaction.add(1, 2, 3);
		compaction.compactIfDue();
		// The last burst of typing arrives while the first round is still writing; then nobody types any more.
		compaction.add(4, 5, 6);
		compaction.compactIfDue();
		expect(replacements).toHaveLength(1);
		replacements[0].finish(10);
		await settled();
		expect(replacements.map((r) => r.ids)).toEqual([
			[1, 2, 3],
			[4, 5, 6, 10]
		]);
		replacements[1].finish(11);
		await settled();
		expect(compaction.known()).toEqual([11]);
	});
});
