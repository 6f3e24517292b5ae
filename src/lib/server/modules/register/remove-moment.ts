import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { collaborationMoments } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { momentRemoveSchema } from '../../../validation/register';
import { changeCollaboration } from './change';
import { loadMoment } from './moments';

/** Removes a decision moment (planned by mistake, or no longer held); the audit row keeps what it was. */
export async function removeMoment(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ seq: number }> {
	const { collaborationId, momentId } = parse(momentRemoveSchema, input);
	authorize(actor, 'register.manage');
	return changeCollaboration(db, actor, collaborationId, origin, async (tx) => {
		const moment = await loadMoment(tx, collaborationId, momentId);
		await tx.delete(collaborationMoments).where(eq(collaborationMoments.id, momentId));
		return {
			action: 'collaboration.moment_removed',
			details: { momentId, kind: moment.kind, on: moment.on },
			part: 'moments',
			municipalityId: moment.municipalityId
		};
	});
}
