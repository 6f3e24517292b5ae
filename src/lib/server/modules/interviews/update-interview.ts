import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { interviews } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import { updateInterviewSchema } from '../../../validation/interviews';
import { loadInterview, nextSeq } from './state';
import { event, eventActor, inTransaction } from '../../bus';
import { interviewChanged } from './events';
import { fieldChanges } from './field-changes';

const fields = ['municipalityId', 'body', 'bodyOther', 'heldOn', 'participants', 'visibility'] as const;

/**
 * Changes the facts of an interview (not its notes). Making it confidential takes it away from everyone who
 * may not read confidential interviews, live: their sockets leave its room and the shared overview drops it.
 */
export async function updateInterview(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ changed: string[] }> {
	const data = parse(updateInterviewSchema, input);
	authorize(actor, 'interview.manage');

	const out = await inTransaction(db, async (tx, events) => {
		const before = await loadInterview(tx, actor, data.interviewId, { lock: true });
		const { changed, values, from } = fieldChanges(before, data, fields);
		if (!changed.length) return { before, changed, seq: before.seq };
		await tx.update(interviews).set(values).where(eq(interviews.id, before.id));
		const seq = await nextSeq(tx, before.id);
		await record(tx, {
			actor,
			action: 'interview.updated',
			objectType: 'interview',
			objectId: before.id,
			origin,
			details: { changed, from, to: values }
		});
		const after = { id: before.id, visibility: data.visibility };
		// Made confidential: readers who may no longer see it are told and leave first; then it is new to the others.
		if (before.visibility !== 'vertrouwelijk' && data.visibility === 'vertrouwelijk') {
			events.add(event('interview.restricted', { interviewId: before.id, seq, by: eventActor(actor) }));
			events.add(interviewChanged(after, { seq, kind: 'details' }, 'created', actor));
		} else events.add(interviewChanged(after, { seq, kind: 'details' }, 'updated', actor));
		return { before, changed, seq };
	});

	return { changed: [...out.changed] };
}
