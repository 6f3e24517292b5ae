import type { RichTextField } from '$lib/collab/fields';

/**
 * Comments not yet acknowledged by the server, kept in localStorage so they survive a reload, a lost
 * connection and a server restart. Each carries its client-generated id: sending it again is safe.
 */
export interface OutboxEntry {
	id: string;
	itemId: string;
	parentId: string | null;
	body: string;
	stance: 'voor' | 'tegen' | 'neutraal' | null;
	visibility: 'shared' | 'internal';
	municipalityId: string | null;
	mentions: { kind: 'user' | 'municipality'; id: string }[];
	anchor: { field: RichTextField; start: string; end: string; quote: string } | null;
	queuedAt: string;
	/** Set when the server refused it for good (shown with the reason; the writer may discard it). */
	error?: string;
	/** Set when an attempt failed for a passing reason (server, database, no answer): it is being sent again. */
	retrying?: boolean;
	/** Set when refused for posting too many at once: sent again by itself at `until` (epoch ms). */
	held?: { until: number; reason: string };
}

/** What goes over the wire: the comment without the outbox's own bookkeeping. */
export function payloadOf(entry: OutboxEntry): Omit<OutboxEntry, 'queuedAt' | 'error' | 'retrying' | 'held'> {
	const { queuedAt: _q, error: _e, retrying: _r, held: _h, ...payload } = entry;
	return payload;
}

const key = (userId: string) => `rp-comments-outbox:${userId}`;

export function readOutbox(userId: string): OutboxEntry[] {
	try {
		const raw = localStorage.getItem(key(userId));
		const list = raw ? (JSON.parse(raw) as unknown) : [];
		return Array.isArray(list) ? (list as OutboxEntry[]) : [];
	} catch {
		return [];
	}
}

export function writeOutbox(userId: string, entries: OutboxEntry[]): void {
	try {
		if (entries.length) localStorage.setItem(key(userId), JSON.stringify(entries));
		else localStorage.removeItem(key(userId));
	} catch {
		// Storage full or blocked: the entries stay in memory for this page.
	}
}
