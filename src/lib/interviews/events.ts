/**
 * Realtime payloads of the interviews, kept small on purpose: they say *what* changed, and the page
 * reloads what it shows through the same visibility-checked queries. Sent only after the commit.
 */
export interface InterviewChangedEvent {
	interviewId: string;
	/** The interview's sequence number after the change; a client that sees a gap reloads. */
	seq: number;
	/** `revoked`: the interview became confidential and this reader may no longer see it. */
	kind: 'details' | 'notes' | 'candidate' | 'revoked';
	by: { userId: string; name: string } | null;
	/** For `notes`: the new notes revision. */
	notesRevision?: number;
	/** For `candidate`: which one, and what happened to it. */
	candidateId?: string;
	change?: 'captured' | 'updated' | 'deleted' | 'linked';
}

/** The inventory overview changed (room `interviews`, or `interviews:vertrouwelijk` for confidential ones). */
export interface InterviewsChangedEvent {
	interviewId: string;
	kind: 'created' | 'updated' | 'removed' | 'candidates';
	by: { userId: string; name: string } | null;
}
