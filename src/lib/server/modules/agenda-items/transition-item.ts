import { eq } from 'drizzle-orm';
import type { Db, Queryable } from '../../db';
import { agendaItems } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, can, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import { transitionItemSchema } from '../../../validation/agenda';
import type { ItemStatus } from '../../../agenda/constants';
import { findTransition, isReopen } from '../../../agenda/status';
import { voidSignOffs } from '../decisions/void-sign-offs';
import { AgendaConflictError } from './conflict';
import { loadItemState, withContributor, type ItemState } from './state';
import { insertVersion, type VersionRef } from './capture-version';
import { publishItemChange } from './events';

export interface StatusChange {
	state: ItemState;
	version: VersionRef;
	seq: number;
}

/**
 * Writes a status change inside the caller's transaction (the item row must be locked): the new status,
 * a version frozen with it, the audit row. Used by `transitionItem` and, for vastgesteld/afgewezen,
 * by the sign-off round, which decides for itself who may cause the change.
 */
export async function changeStatus(
	tx: Queryable,
	current: ItemState,
	to: ItemStatus,
	actor: Pick<Actor, 'userId' | 'name'> | null,
	origin: Origin,
	details: Record<string, unknown> = {}
): Promise<StatusChange> {
	const pendingContributors = withContributor(current.pendingContributors, actor);
	const [row] = await tx
		.update(agendaItems)
		.set({ status: to, revision: current.revision + 1, seq: current.seq + 1, updatedAt: new Date(), pendingContributors })
		.where(eq(agendaItems.id, current.id))
		.returning({ revision: agendaItems.revision, seq: agendaItems.seq });
	const state: ItemState = { ...current, status: to, revision: row.revision, seq: row.seq, pendingContributors };
	const version = await insertVersion(tx, state, 'status', actor);
	await record(tx, {
		actor,
		action: 'item.transition',
		objectType: 'agenda_item',
		objectId: current.id,
		origin,
		details: { from: current.status, to, version: version.number, contentHash: version.contentHash, ...details }
	});
	return { state: { ...state, pendingContributors: [] }, version, seq: row.seq };
}

/**
 * Moves an item to another status by hand, as the status machine and the actor's roles allow.
 * `from` is the status the user saw: if it changed meanwhile, the move is refused as a conflict.
 */
export async function transitionItem(
	db: Db,
	actor: Actor | null,
	input: unknown,
	origin: Origin
): Promise<{ status: ItemStatus; version: number }> {
	authorize(actor, 'item.transition');
	const { itemId, from, to } = parse(transitionItemSchema, input);

	const change = await db.transaction(async (tx) => {
		const current = await loadItemState(tx, itemId, { lock: true });
		if (current.status !== from) throw new AgendaConflictError(current);
		if (!can(actor, 'item.transition', { transition: { from, to } })) {
			const known = findTransition(from, to);
			throw new DomainError(`agenda_transition_denied_${to}`, {}, {}, known ? 403 : 400);
		}
		// Reopening: the sign-offs on the old text stop counting, visibly.
		const voided = isReopen(from, to) ? await voidSignOffs(tx, itemId, actor, 'reopened', origin) : 0;
		return changeStatus(tx, current, to, actor, origin, voided ? { voidedSignOffs: voided } : {});
	});

	publishItemChange(change.state, change.seq, 'status', actor, { version: change.version.number });
	return { status: change.state.status, version: change.version.number };
}
