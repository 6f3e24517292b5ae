import type { Db } from '../../db';
import { interviews } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import { createInterviewSchema } from '../../../validation/interviews';
import { inTransaction } from '../../bus';
import { interviewChanged } from './events';

/** Records an interview of the verkenner with one body of one municipality (held, or planned for a later date). */
export async function createInterview(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ id: string }> {
	const data = parse(createInterviewSchema, input);
	authorize(actor, 'interview.manage');

	const row = await inTransaction(db, async (tx, events) => {
		const [created] = await tx
			.insert(interviews)
			.values({ ...data, createdBy: actor.userId, seq: 1 })
			.returning({ id: interviews.id, visibility: interviews.visibility });
		await record(tx, {
			actor,
			action: 'interview.created',
			objectType: 'interview',
			objectId: created.id,
			origin,
			details: { municipalityId: data.municipalityId, body: data.body, bodyOther: data.bodyOther, heldOn: data.heldOn, visibility: data.visibility }
		});
		events.add(interviewChanged(created, { seq: 1, kind: 'details' }, 'created', actor));
		return created;
	});

	return { id: row.id };
}
