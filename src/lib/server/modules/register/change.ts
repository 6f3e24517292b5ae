import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '../../db';
import { collaborationParticipants, collaborations, type CollaborationRow } from '../../db/schema';
import { DomainError, ValidationError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { record, type AuditAction, type AuditActionEntry, type Origin } from '../audit';
import { event, eventActor, inTransaction, type RegisterPart } from '../../bus';

type RegisterAction = Extract<AuditAction, `collaboration.${string}`>;

/** What a register command did: the audit action with its details, and the part it changed for the event. */
export type Changed = AuditActionEntry<RegisterAction> & { part: RegisterPart; municipalityId?: string | null };

/** One arrangement; with `lock` it stays locked (FOR UPDATE) until the transaction ends, so commands queue up. */
export async function loadCollaboration(q: Queryable, collaborationId: string, opts: { lock?: boolean } = {}): Promise<CollaborationRow> {
	const base = q.select().from(collaborations).where(eq(collaborations.id, collaborationId));
	const [row] = opts.lock ? await base.for('update') : await base;
	if (!row) throw new DomainError('register_not_found', {}, {}, 404);
	return row;
}

/** An ended arrangement is history: its register entry no longer changes. */
export function assertOpen(row: CollaborationRow): void {
	if (row.endedAt) throw new DomainError('register_ended', {}, {}, 409);
}

/** Which of the five take part in an arrangement. */
export async function participatingMunicipalities(q: Queryable, collaborationId: string): Promise<Set<string>> {
	const rows = await q
		.select({ id: collaborationParticipants.municipalityId })
		.from(collaborationParticipants)
		.where(and(eq(collaborationParticipants.collaborationId, collaborationId), isNotNull(collaborationParticipants.municipalityId)));
	return new Set(rows.map((r) => r.id as string));
}

/** A municipality's part of an arrangement only exists while it takes part. */
export async function assertParticipates(q: Queryable, collaborationId: string, municipalityId: string, field = 'municipalityId'): Promise<void> {
	if (!(await participatingMunicipalities(q, collaborationId)).has(municipalityId))
		throw new ValidationError({ [field]: 'validation_register_not_participant' });
}

type Work = (tx: Tx, row: CollaborationRow) => Promise<Changed>;

/**
 * The shape every command on an existing arrangement shares: one transaction that locks the arrangement,
 * refuses an ended one, does the work, bumps `seq`, records the audit row; the event is published after
 * commit. Input is parsed and the actor authorised before this is called.
 */
export async function changeCollaboration(db: Db, actor: Actor, collaborationId: string, origin: Origin, work: Work): Promise<{ seq: number }> {
	return inTransaction(db, async (tx, events) => {
		const row = await loadCollaboration(tx, collaborationId, { lock: true });
		assertOpen(row);
		const { part, municipalityId = null, ...audited } = await work(tx, row);
		const [after] = await tx
			.update(collaborations)
			.set({ seq: sql`${collaborations.seq} + 1`, updatedAt: new Date() })
			.where(eq(collaborations.id, collaborationId))
			.returning({ seq: collaborations.seq });
		await record(tx, { actor, objectType: 'collaboration', objectId: collaborationId, origin, ...audited } as Parameters<typeof record>[1]);
		events.add(event('collaboration.changed', { collaborationId, seq: after.seq, part, municipalityId, by: eventActor(actor) }));
		return { seq: after.seq };
	});
}

/**
 * A command on one municipality's part of an arrangement (its contribution, its people): decided for that
 * municipality by the policy, and only while the municipality takes part.
 */
export async function changeMunicipalPart(
	db: Db,
	actor: Actor | null,
	action: 'register.contribution' | 'register.seats',
	part: { collaborationId: string; municipalityId: string },
	origin: Origin,
	work: Work
): Promise<{ seq: number }> {
	authorize(actor, action, { municipalityId: part.municipalityId });
	return changeCollaboration(db, actor, part.collaborationId, origin, async (tx, row) => {
		await assertParticipates(tx, part.collaborationId, part.municipalityId);
		return work(tx, row);
	});
}
