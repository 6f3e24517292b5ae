import { isDeepStrictEqual } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { collaborations } from '../../db/schema';
import { DomainError, ValidationError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { collaborationSchema } from '../../../validation/register';
import { ambitionsOf, fieldValues, replaceAmbitions } from './fields';
import { changeCollaboration } from './change';

/**
 * Changes an arrangement's own fields. The form names the `revision` it saw: a stale one is refused (someone
 * else changed it meanwhile), nothing stored. The audit row holds each changed field before and after.
 */
export async function updateCollaboration(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ id: string; revision: number }> {
	const data = parse(collaborationSchema, input);
	if (!data.collaborationId || !data.revision) throw new ValidationError({ revision: 'validation_register_revision' });
	authorize(actor, 'register.manage');
	const id = data.collaborationId;
	let revision = 0;
	await changeCollaboration(db, actor, id, origin, async (tx, row) => {
		if (row.revision !== data.revision) throw new DomainError('register_conflict', {}, {}, 409);
		const next = fieldValues(data);
		const before: Record<string, unknown> = { ...row, ambitionIds: await ambitionsOf(tx, id) };
		const after: Record<string, unknown> = { ...next, ambitionIds: [...data.ambitionIds].sort((a, b) => a - b) };
		const changes = Object.fromEntries(
			// Key order does not count: jsonb keeps a document's keys in its own order.
			Object.keys(after)
				.filter((k) => !isDeepStrictEqual(before[k], after[k]))
				.map((k) => [k, { from: before[k], to: after[k] }])
		);
		const [out] = await tx
			.update(collaborations)
			.set({ ...next, revision: sql`${collaborations.revision} + 1` })
			.where(eq(collaborations.id, id))
			.returning({ revision: collaborations.revision });
		await replaceAmbitions(tx, id, data.ambitionIds);
		revision = out.revision;
		return { action: 'collaboration.updated', details: { changes, revision }, part: 'fields' };
	});
	return { id, revision };
}
