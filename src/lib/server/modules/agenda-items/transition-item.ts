import type { Db } from '../../db';
import { DomainError } from '../../errors';
import { authorize, can, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { transitionItemSchema } from '../../../validation/agenda';
import type { ItemStatus } from '../../../agenda/constants';
import { findTransition, isReopen } from '../../../agenda/status';
import { AgendaConflictError } from './conflict';
import { changeStatus } from './change-status';
import { changeItem, signOffRules, statusEvent } from './change';

/**
 * Moves an item to another status by hand, as the status machine and the actor's roles allow.
 * `from` is the status the user saw: if it changed meanwhile, the move is refused as a conflict.
 */
export async function transitionItem(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ status: ItemStatus; version: number }> {
	authorize(actor, 'item.transition');
	const { itemId, from, to } = parse(transitionItemSchema, input);

	const { value } = await changeItem(db, actor, itemId, origin, async (tx, current) => {
		if (current.status !== from) throw new AgendaConflictError(current);
		if (!can(actor, 'item.transition', { transition: { from, to } })) {
			const known = findTransition(from, to);
			throw new DomainError(`agenda_transition_denied_${to}`, {}, {}, known ? 403 : 400);
		}
		// Reopening: the sign-offs on the old text stop counting, visibly.
		const voided = isReopen(from, to) ? await signOffRules().voidSignOffs(tx, itemId, actor, 'reopened', origin) : 0;
		const { state, version } = await changeStatus(tx, current, to, actor, origin, voided ? { voidedSignOffs: voided } : {});
		return { value: { status: to, version: version.number }, state, events: (after) => [statusEvent(after, from, actor, version.number)] };
	});
	return value;
}
