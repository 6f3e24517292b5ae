import type { CommentActivityEvent } from '$lib/realtime/events';

/**
 * The agenda overview's unread counts after a `comments:activity` event: one more for a listed item when the
 * comment is someone else's and was not counted before (an event can arrive twice after a reconnect).
 * Returns null when nothing changes. The server only sends what the reader may see (comments/activity.ts).
 */
export function bumpUnread(
	unread: Readonly<Record<string, number>>,
	e: CommentActivityEvent,
	me: string | undefined,
	listed: ReadonlySet<string>,
	counted: Set<string>
): Record<string, number> | null {
	if (e.authorId === me || !listed.has(e.itemId) || counted.has(e.commentId)) return null;
	counted.add(e.commentId);
	return { ...unread, [e.itemId]: (unread[e.itemId] ?? 0) + 1 };
}
