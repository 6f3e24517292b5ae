/**
 * Unsaved notes, kept in localStorage so they survive a lost connection, a reload and a closed laptop.
 * A draft remembers the revision it was based on, so an older draft can never silently overwrite newer notes.
 */
export interface NotesDraft {
	doc: unknown;
	baseRevision: number;
	updatedAt: string;
}

const key = (userId: string, interviewId: string) => `rp-interview-notes:${userId}:${interviewId}`;

export function readDraft(userId: string, interviewId: string): NotesDraft | null {
	try {
		const raw = localStorage.getItem(key(userId, interviewId));
		const draft = raw ? (JSON.parse(raw) as NotesDraft) : null;
		return draft && typeof draft.baseRevision === 'number' && draft.doc ? draft : null;
	} catch {
		return null;
	}
}

export function writeDraft(userId: string, interviewId: string, draft: NotesDraft): void {
	try {
		localStorage.setItem(key(userId, interviewId), JSON.stringify(draft));
	} catch {
		// Storage full or blocked: the text stays in the editor for this page.
	}
}

export function clearDraft(userId: string, interviewId: string): void {
	try {
		localStorage.removeItem(key(userId, interviewId));
	} catch {
		// nothing to do
	}
}

/** Waits before the n-th retry: 1, 2, 4, 8, 16, then every 30 seconds. */
export const backoffMs = (attempt: number) => Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
