/**
 * Candidates captured but not yet acknowledged, kept in localStorage so a lost connection or a reload loses
 * none. Each carries its browser-made id: sending it again stores it once.
 */
export interface PendingCandidate {
	id: string;
	title: string;
	ambitionId: string;
	horizon: string;
	meerwaarde: string;
	interested: string[];
	/** `sending`: on its way; `offline`: waiting for the connection. */
	state: 'sending' | 'offline';
}

const key = (userId: string, interviewId: string) => `rp-interview-candidates:${userId}:${interviewId}`;

export function readPending(userId: string, interviewId: string): PendingCandidate[] {
	try {
		const list = JSON.parse(localStorage.getItem(key(userId, interviewId)) ?? '[]') as unknown;
		return Array.isArray(list) ? (list as PendingCandidate[]) : [];
	} catch {
		return [];
	}
}

export function writePending(userId: string, interviewId: string, list: PendingCandidate[]): void {
	try {
		if (list.length) localStorage.setItem(key(userId, interviewId), JSON.stringify(list));
		else localStorage.removeItem(key(userId, interviewId));
	} catch {
		// Storage full or blocked: the list stays in memory for this page.
	}
}

/** The form body of the `candidate` action for one pending candidate. */
export function candidateForm(c: PendingCandidate): FormData {
	const fd = new FormData();
	fd.set('id', c.id);
	fd.set('title', c.title);
	fd.set('ambitionId', c.ambitionId);
	fd.set('horizon', c.horizon);
	fd.set('meerwaarde', c.meerwaarde);
	for (const id of c.interested) fd.append('interested[]', id);
	return fd;
}
