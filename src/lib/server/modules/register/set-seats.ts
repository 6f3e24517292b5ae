import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db';
import { collaborationSeats, users } from '../../db/schema';
import { ValidationError } from '../../errors';
import type { Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { seatsSchema } from '../../../validation/register';
import { changeMunicipalPart } from './change';

/**
 * Sets one municipality's people on an arrangement (all replaced): its members of the general and daily
 * board, each a college or council member (the *dubbele pet*), and its council's rapporteurs. A person may
 * be linked to their portal account, so the double role shows wherever they act. Only for a municipality
 * that takes part.
 */
export async function setSeats(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ seq: number }> {
	const data = parse(seatsSchema, input);
	const id = data.collaborationId;
	return changeMunicipalPart(db, actor, 'register.seats', data, origin, async (tx) => {
		await assertAccountsExist(
			tx,
			[...data.seats, ...data.rapporteurs].flatMap((p) => (p.userId ? [p.userId] : []))
		);
		await tx.delete(collaborationSeats).where(and(eq(collaborationSeats.collaborationId, id), eq(collaborationSeats.municipalityId, data.municipalityId)));
		const rows = [
			...data.seats.map((s) => ({ seat: s.board, name: s.name, userId: s.userId, holderRole: s.holderRole })),
			...data.rapporteurs.map((r) => ({ seat: 'rapporteur', name: r.name, userId: r.userId, holderRole: null }))
		];
		if (rows.length) await tx.insert(collaborationSeats).values(rows.map((r) => ({ ...r, collaborationId: id, municipalityId: data.municipalityId })));
		return {
			action: 'collaboration.seats_set',
			details: { municipalityId: data.municipalityId, seats: data.seats.map((s) => `${s.board}: ${s.name}`), rapporteurs: data.rapporteurs.map((r) => r.name) },
			part: 'seats',
			municipalityId: data.municipalityId
		};
	});
}

async function assertAccountsExist(tx: Tx, ids: string[]): Promise<void> {
	const wanted = [...new Set(ids)];
	if (!wanted.length) return;
	const found = await tx.select({ id: users.id }).from(users).where(inArray(users.id, wanted));
	if (found.length !== wanted.length) throw new ValidationError({ seats: 'validation_register_user_unknown' });
}
