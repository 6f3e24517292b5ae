import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { interviewCandidates } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import { captureCandidateSchema } from '../../../validation/interviews';
import { assertAmbitionExists, loadInterview, nextSeq } from './state';
import { inTransaction } from '../../bus';
import { interviewChanged } from './events';

/**
 * Captures a candidate activity found in an interview. The id is made by the browser, so sending the same
 * candidate again (a lost answer, a reconnect) stores it once and answers as the first time did.
 */
export async function captureCandidate(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ id: string; created: boolean }> {
	const data = parse(captureCandidateSchema, input);
	authorize(actor, 'interview.manage');

	const out = await inTransaction(db, async (tx, events) => {
		const interview = await loadInterview(tx, actor, data.interviewId, { lock: true });
		const [existing] = await tx.select().from(interviewCandidates).where(eq(interviewCandidates.id, data.id));
		if (existing) {
			if (existing.interviewId !== interview.id) throw new DomainError('interviews_candidate_id_taken', {}, {}, 409);
			return { interview, seq: null };
		}
		await assertAmbitionExists(tx, data.ambitionId);
		const { id, interviewId, ...fields } = data;
		await tx.insert(interviewCandidates).values({ id, interviewId, ...fields, createdBy: actor.userId });
		const seq = await nextSeq(tx, interviewId);
		await record(tx, {
			actor,
			action: 'interview.candidate_captured',
			objectType: 'interview',
			objectId: interviewId,
			origin,
			details: { candidateId: id, ...fields }
		});
		events.add(interviewChanged(interview, { seq, kind: 'candidate', candidateId: id, change: 'captured' }, 'candidates', actor));
		return { interview, seq };
	});

	return { id: data.id, created: out.seq !== null };
}
