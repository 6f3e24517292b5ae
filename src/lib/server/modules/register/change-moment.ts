import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { collaborationMoments } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { momentChangeSchema } from '../../../validation/register';
import { changeCollaboration } from './change';
import { assertMomentFor, loadMoment } from './moments';

/** Changes a decision moment (its kind, date, council or note); the audit row holds what changed. */
export async function changeMoment(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ seq: number }> {
	const { momentId, collaborationId, ...next } = parse(momentChangeSchema, input);
	authorize(actor, 'register.manage');
	return changeCollaboration(db, actor, collaborationId, origin, async (tx) => {
		const before = await loadMoment(tx, collaborationId, momentId);
		await assertMomentFor(tx, collaborationId, next.municipalityId);
		await tx.update(collaborationMoments).set(next).where(eq(collaborationMoments.id, momentId));
		const changes = Object.fromEntries(
			(Object.keys(next) as (keyof typeof next)[]).filter((k) => before[k] !== next[k]).map((k) => [k, { from: before[k], to: next[k] }])
		);
		return { action: 'collaboration.moment_changed', details: { momentId, changes }, part: 'moments', municipalityId: next.municipalityId };
	});
}
