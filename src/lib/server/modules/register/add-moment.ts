import type { Db } from '../../db';
import { collaborationMoments } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { momentSchema } from '../../../validation/register';
import { changeCollaboration } from './change';
import { assertMomentFor } from './moments';

/** Adds a decision moment of the arrangement's cycle (kadernota, begroting, jaarrekening, zienswijze, evaluation). */
export async function addMoment(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ id: string }> {
	const data = parse(momentSchema, input);
	authorize(actor, 'register.manage');
	let id = '';
	await changeCollaboration(db, actor, data.collaborationId, origin, async (tx) => {
		await assertMomentFor(tx, data.collaborationId, data.municipalityId);
		const [row] = await tx.insert(collaborationMoments).values(data).returning({ id: collaborationMoments.id });
		id = row.id;
		return {
			action: 'collaboration.moment_added',
			details: { momentId: id, kind: data.kind, on: data.on, municipalityId: data.municipalityId },
			part: 'moments',
			municipalityId: data.municipalityId
		};
	});
	return { id };
}
