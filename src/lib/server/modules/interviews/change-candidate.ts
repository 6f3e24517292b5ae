import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { interviewCandidates } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import { candidateRefSchema, updateCandidateSchema } from '../../../validation/interviews';
import { assertAmbitionExists, assertNotLinked, loadCandidate, nextSeq } from './state';
import { inTransaction } from '../../bus';
import { interviewChanged } from './events';
import { fieldChanges } from './field-changes';

const fields = ['title', 'ambitionId', 'horizon', 'meerwaarde', 'interested'] as const;

/** Corrects a candidate that is not on the agenda yet. */
export async function updateCandidate(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ changed: string[] }> {
	const data = parse(updateCandidateSchema, input);
	authorize(actor, 'interview.manage');

	const out = await inTransaction(db, async (tx, events) => {
		const { candidate, interview } = await loadCandidate(tx, actor, data.candidateId, { lock: true });
		assertNotLinked(candidate);
		const { changed, values, from } = fieldChanges(candidate, data, fields);
		if (!changed.length) return { interview, changed, seq: null };
		if (changed.includes('ambitionId')) await assertAmbitionExists(tx, data.ambitionId);
		await tx.update(interviewCandidates).set(values).where(eq(interviewCandidates.id, candidate.id));
		const seq = await nextSeq(tx, interview.id);
		await record(tx, {
			actor,
			action: 'interview.candidate_updated',
			objectType: 'interview',
			objectId: interview.id,
			origin,
			details: { candidateId: candidate.id, changed, from, to: values }
		});
		events.add(interviewChanged(interview, { seq, kind: 'candidate', candidateId: candidate.id, change: 'updated' }, 'candidates', actor));
		return { interview, changed, seq };
	});

	return { changed: [...out.changed] };
}

/** Deletes a candidate that is not on the agenda yet (one on the agenda belongs to that item's history). */
export async function deleteCandidate(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<void> {
	const data = parse(candidateRefSchema, input);
	authorize(actor, 'interview.manage');

	await inTransaction(db, async (tx, events) => {
		const { candidate, interview } = await loadCandidate(tx, actor, data.candidateId, { lock: true });
		assertNotLinked(candidate);
		await tx.delete(interviewCandidates).where(eq(interviewCandidates.id, candidate.id));
		const seq = await nextSeq(tx, interview.id);
		const { id, title, ambitionId, horizon, meerwaarde, interested } = candidate;
		await record(tx, {
			actor,
			action: 'interview.candidate_deleted',
			objectType: 'interview',
			objectId: interview.id,
			origin,
			details: { candidateId: id, title, ambitionId, horizon, meerwaarde, interested }
		});
		events.add(interviewChanged(interview, { seq, kind: 'candidate', candidateId: id, change: 'deleted' }, 'candidates', actor));
	});
}
