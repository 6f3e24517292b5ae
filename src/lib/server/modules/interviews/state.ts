import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { ambitions, interviewCandidates, interviews, type InterviewCandidateRow, type InterviewRow } from '../../db/schema';
import { DomainError, ValidationError } from '../../errors';
import type { Actor } from '../../permissions';
import { mayReadInterview } from './visibility';

/**
 * Reads one interview for a command. An interview the actor may not see is "not found", never "forbidden":
 * a confidential interview must not even be confirmed to exist. With `lock`, the row is locked until the
 * transaction ends, so two saves of the same notes queue up.
 */
export async function loadInterview(q: Queryable, actor: Actor | null, id: string, opts: { lock?: boolean } = {}): Promise<InterviewRow> {
	const base = q.select().from(interviews).where(eq(interviews.id, id));
	const [row] = opts.lock ? await base.for('update') : await base;
	if (!row || !mayReadInterview(actor, row)) throw new DomainError('interviews_not_found', {}, {}, 404);
	return row;
}

/** A candidate with its interview (checked for visibility like the interview itself), optionally locked. */
export async function loadCandidate(
	q: Queryable,
	actor: Actor | null,
	candidateId: string,
	opts: { lock?: boolean } = {}
): Promise<{ candidate: InterviewCandidateRow; interview: InterviewRow }> {
	const base = q.select().from(interviewCandidates).where(eq(interviewCandidates.id, candidateId));
	const [candidate] = opts.lock ? await base.for('update') : await base;
	if (!candidate) throw new DomainError('interviews_candidate_not_found', {}, {}, 404);
	const interview = await loadInterview(q, actor, candidate.interviewId, opts).catch((err) => {
		if (err instanceof DomainError) throw new DomainError('interviews_candidate_not_found', {}, {}, 404);
		throw err;
	});
	return { candidate, interview };
}

/** A candidate already on the agenda is part of that item's history: it is no longer edited or deleted here. */
export function assertNotLinked(candidate: InterviewCandidateRow): void {
	if (candidate.link) throw new DomainError('interviews_candidate_linked', {}, {}, 409);
}

export async function assertAmbitionExists(q: Queryable, ambitionId: number): Promise<void> {
	const [found] = await q.select({ id: ambitions.id }).from(ambitions).where(eq(ambitions.id, ambitionId));
	if (!found) throw new ValidationError({ ambitionId: 'validation_candidate_ambition_unknown' });
}

/** Bumps the interview's sequence number (and its update time) inside the caller's transaction. */
export async function nextSeq(q: Queryable, interviewId: string): Promise<number> {
	const [row] = await q
		.update(interviews)
		.set({ seq: sql`${interviews.seq} + 1`, updatedAt: new Date() })
		.where(eq(interviews.id, interviewId))
		.returning({ seq: interviews.seq });
	return row.seq;
}
