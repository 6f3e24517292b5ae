import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { municipalities } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { event, inTransaction } from '../../bus';
import { parse } from '../../validate';
import { inhabitantsSchema } from '../../../validation/admin';
import { record, type Origin } from '../audit';

export interface InhabitantsChange {
	municipalityId: string;
	name: string;
	before: number;
	after: number;
}

/**
 * Sets a municipality's number of inhabitants (it drives the cost split *naar rato van inwoners*).
 * Audited with the old and new value; open pages hear of it after commit.
 */
export async function updateInhabitants(db: Db, actor: Actor | null, municipalityId: string, input: unknown, origin: Origin): Promise<InhabitantsChange> {
	authorize(actor, 'municipalities.manage');
	const { inhabitants } = parse(inhabitantsSchema, input);
	const change = await inTransaction(db, async (tx, events) => {
		const [current] = await tx.select().from(municipalities).where(eq(municipalities.id, municipalityId)).for('update');
		if (!current) throw new DomainError('admin_municipality_not_found', {}, {}, 404);
		const change = { municipalityId, name: current.name, before: current.inhabitants, after: inhabitants };
		if (change.before === change.after) return change;
		await tx.update(municipalities).set({ inhabitants, updatedAt: new Date() }).where(eq(municipalities.id, municipalityId));
		await record(tx, {
			actor,
			action: 'municipality.updated',
			objectType: 'municipality',
			objectId: municipalityId,
			origin,
			details: { field: 'inhabitants', before: change.before, after: change.after }
		});
		events.add(event('municipality.updated', { municipalityId }));
		return change;
	});
	return change;
}
