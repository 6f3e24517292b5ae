import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { interviewCandidates } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import { candidateRefSchema } from '../../../validation/interviews';
import type { Horizon } from '../../../agenda/constants';
import { plainToHtml } from '../collaboration';
import * as agenda from '../agenda-items';
import { event, eventActor, inTransaction } from '../../bus';
import { assertNotLinked, loadCandidate, nextSeq } from './state';
import { interviewChanged } from './events';

/**
 * Turns a candidate into a draft (concept) agenda item: title, ambition, horizon and meerwaarde are taken over,
 * the interested municipalities take part. The item and the candidate's link to it commit together or not at all.
 */
export async function promoteCandidate(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ itemId: string }> {
	const data = parse(candidateRefSchema, input);
	authorize(actor, 'interview.manage');
	authorize(actor, 'item.create');

	const out = await inTransaction(db, async (tx, events) => {
		const { candidate, interview } = await loadCandidate(tx, actor, data.candidateId, { lock: true });
		assertNotLinked(candidate);
		const item = await agenda.insertItem(
			tx,
			actor,
			{ ambitionId: candidate.ambitionId, title: candidate.title, summary: '', horizon: candidate.horizon as Horizon, trekkerId: null },
			origin,
			{ participants: candidate.interested, meerwaarde: candidate.meerwaarde ? plainToHtml(candidate.meerwaarde) : undefined }
		);
		await tx
			.update(interviewCandidates)
			.set({ itemId: item.id, link: 'created', linkedAt: new Date(), linkedBy: actor.userId })
			.where(eq(interviewCandidates.id, candidate.id));
		const seq = await nextSeq(tx, interview.id);
		await record(tx, {
			actor,
			action: 'interview.candidate_promoted',
			objectType: 'interview',
			objectId: interview.id,
			origin,
			details: { candidateId: candidate.id, itemId: item.id, title: candidate.title }
		});
		const { id, seq: itemSeq, revision, status, ambitionId, title } = item;
		events.add(
			event('item.created', { itemId: id, seq: itemSeq, revision, status, ambitionId, title, by: eventActor(actor) }),
			interviewChanged(interview, { seq, kind: 'candidate', candidateId: candidate.id, change: 'linked' }, 'candidates', actor)
		);
		return { itemId: item.id };
	});
	return out;
}
