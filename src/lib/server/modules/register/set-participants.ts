import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db';
import { collaborationContributions, collaborationParticipants, collaborationSeats } from '../../db/schema';
import { ValidationError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { participantsSchema } from '../../../validation/register';
import { changeCollaboration } from './change';

/**
 * Sets who takes part (all replaced): which of the five, with each one's exit cost and notice term, and the
 * parties outside the region by name. A municipality that still has board members, rapporteurs or
 * contributions on it cannot be taken off: those would name a party that is not there.
 */
export async function setParticipants(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ seq: number }> {
	const data = parse(participantsSchema, input);
	authorize(actor, 'register.manage');
	const id = data.collaborationId;
	return changeCollaboration(db, actor, id, origin, async (tx) => {
		const current = await tx.select().from(collaborationParticipants).where(eq(collaborationParticipants.collaborationId, id));
		const before = current.map((p) => p.municipalityId ?? (p.outsideName as string));
		const staying = new Set<string>(data.municipalities.map((p) => p.municipalityId));
		const leaving = current.flatMap((p) => (p.municipalityId && !staying.has(p.municipalityId) ? [p.municipalityId] : []));
		if (leaving.length && (await stillInUse(tx, id, leaving))) throw new ValidationError({ municipalities: 'validation_register_participant_in_use' });
		await tx.delete(collaborationParticipants).where(eq(collaborationParticipants.collaborationId, id));
		const rows = [
			...data.municipalities.map((p) => ({
				collaborationId: id,
				municipalityId: p.municipalityId,
				exitCostCents: p.exitCostCents,
				noticeTerm: p.noticeTerm,
				noticeUnit: p.noticeUnit
			})),
			...data.outside.map((outsideName) => ({ collaborationId: id, outsideName }))
		];
		if (rows.length) await tx.insert(collaborationParticipants).values(rows);
		return {
			action: 'collaboration.participants_set',
			details: { before, after: [...data.municipalities.map((p) => p.municipalityId), ...data.outside] },
			part: 'participants'
		};
	});
}

async function stillInUse(tx: Tx, collaborationId: string, municipalityIds: string[]): Promise<boolean> {
	const [seat] = await tx
		.select({ id: collaborationSeats.id })
		.from(collaborationSeats)
		.where(and(eq(collaborationSeats.collaborationId, collaborationId), inArray(collaborationSeats.municipalityId, municipalityIds)))
		.limit(1);
	if (seat) return true;
	const [contribution] = await tx
		.select({ year: collaborationContributions.year })
		.from(collaborationContributions)
		.where(and(eq(collaborationContributions.collaborationId, collaborationId), inArray(collaborationContributions.municipalityId, municipalityIds)))
		.limit(1);
	return !!contribution;
}
