import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { agendaItems, interviewCandidates } from '../../db/schema';
import { ValidationError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import { attachCandidateSchema } from '../../../validation/interviews';
import { assertNotLinked, loadCandidate, nextSeq } from './state';
import { interviewChanged } from './events';
import * as agenda from '../agenda-items';
import { event, eventActor, inTransaction } from '../../bus';

/**
 * Adds a candidate to an existing agenda item: the item is not changed (its text is the klankbordgroep's), but
 * the link shows on both sides, and the item's timeline names the interview it was (also) found in.
 */
export async function attachCandidate(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ itemId: string }> {
	const data = parse(attachCandidateSchema, input);
	authorize(actor, 'interview.manage');
	authorize(actor, 'item.edit');

	await inTransaction(db, async (tx, events) => {
		const { candidate, interview } = await loadCandidate(tx, actor, data.candidateId, { lock: true });
		assertNotLinked(candidate);
		const [item] = await tx
			.select({ id: agendaItems.id, title: agendaItems.title, status: agendaItems.status })
			.from(agendaItems)
			.where(eq(agendaItems.id, data.itemId));
		if (!item) throw new ValidationError({ itemId: 'validation_candidate_item_unknown' });
		await tx
			.update(interviewCandidates)
			.set({ itemId: item.id, link: 'added', linkedAt: new Date(), linkedBy: actor.userId })
			.where(eq(interviewCandidates.id, candidate.id));
		const seq = await nextSeq(tx, interview.id);
		// The item's timeline gains an origin: open item pages reload it (the event names no interview).
		const itemSeq = await agenda.nextSeq(tx, item.id);
		await record(tx, {
			actor,
			action: 'interview.candidate_attached',
			objectType: 'interview',
			objectId: interview.id,
			origin,
			details: { candidateId: candidate.id, itemId: item.id, itemTitle: item.title }
		});
		events.add(
			event('item.origin_added', { itemId: item.id, seq: itemSeq, status: item.status, municipalityId: null, by: eventActor(actor) }),
			interviewChanged(interview, { seq, kind: 'candidate', candidateId: candidate.id, change: 'linked' }, 'candidates', actor)
		);
	});
	return { itemId: data.itemId };
}
