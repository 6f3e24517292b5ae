import type { Db } from '../../db';
import { event, eventActor, inTransaction } from '../../bus';
import { collaborations } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import { collaborationSchema } from '../../../validation/register';
import { fieldValues, replaceAmbitions } from './fields';

/** Registers a new joint arrangement (the verkenner or an administrator): its own fields and the ambitions it serves. */
export async function createCollaboration(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ id: string }> {
	const data = parse(collaborationSchema, input);
	authorize(actor, 'register.manage');
	return inTransaction(db, async (tx, events) => {
		const [row] = await tx
			.insert(collaborations)
			.values({ ...fieldValues(data), createdBy: actor.userId })
			.returning({ id: collaborations.id, seq: collaborations.seq });
		await replaceAmbitions(tx, row.id, data.ambitionIds);
		await record(tx, {
			actor,
			action: 'collaboration.created',
			objectType: 'collaboration',
			objectId: row.id,
			origin,
			details: { name: data.name, kind: data.kind, legalForm: data.legalForm, startsOn: data.startsOn, endsOn: data.endsOn }
		});
		events.add(event('collaboration.changed', { collaborationId: row.id, seq: row.seq, part: 'created', municipalityId: null, by: eventActor(actor) }));
		return { id: row.id };
	});
}
