import { describe, expect, it } from 'vitest';
import { bumpUnread } from '../../../src/lib/components/comments/unread';

const listed = new Set(['item-a', 'item-b']);
const ev = (commentId: string, authorId = 'someone', itemId = 'item-a') => ({ itemId, commentId, authorId });

describe('live unread counts on the agenda overview', () => {
	it("adds one for someone else's new comment on a listed item, once per comment", () => {
		const counted = new Set<string>();
		const once = bumpUnread({ 'item-b': 2 }, ev('c1'), 'me', listed, counted);
		expect(once).toEqual({ 'item-a': 1, 'item-b': 2 });
		expect(bumpUnread(once!, ev('c1'), 'me', listed, counted)).toBeNull();
		expect(bumpUnread(once!, ev('c2', 'x', 'item-b'), 'me', listed, counted)).toEqual({ 'item-a': 1, 'item-b': 3 });
	});

	it("ignores one's own comments and items not on the (filtered) page", () => {
		const counted = new Set<string>();
		expect(bumpUnread({}, ev('c1', 'me'), 'me', listed, counted)).toBeNull();
		expect(bumpUnread({}, ev('c2', 'x', 'item-z'), 'me', listed, counted)).toBeNull();
		expect(counted.size).toBe(0);
	});
});
