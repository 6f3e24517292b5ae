import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { collaborations } from '../../db/schema';
import { DomainError, ValidationError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { endCollaborationSchema } from '../../../validation/register';
import { changeCollaboration } from './change';

/** Ends an arrangement on a date (not before it started), with the reason; from then on it is history. */
export async function endCollaboration(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ revision: number }> {
	const data = parse(endCollaborationSchema, input);
	authorize(actor, 'register.manage');
	let revision = 0;
	await changeCollaboration(db, actor, data.collaborationId, origin, async (tx, row) => {
		if (row.revision !== data.revision) throw new DomainError('register_conflict', {}, {}, 409);
		if (data.endsOn < row.startsOn) throw new ValidationError({ endsOn: 'validation_register_ends_before_start' });
		const [out] = await tx
			.update(collaborations)
			.set({ endsOn: data.endsOn, endedAt: new Date(), endReason: data.reason, revision: sql`${collaborations.revision} + 1` })
			.where(eq(collaborations.id, data.collaborationId))
			.returning({ revision: collaborations.revision });
		revision = out.revision;
		return { action: 'collaboration.ended', details: { endsOn: data.endsOn, reason: data.reason, revision }, part: 'ended' };
	});
	return { revision };
}
