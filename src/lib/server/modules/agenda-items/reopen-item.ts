import type { Db } from '../../db';
import { DomainError } from '../../errors';
import { authorize, can, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { reopenItemSchema } from '../../../validation/agenda';
import { isReopen } from '../../../agenda/status';
import { AgendaConflictError } from './conflict';
import { changeStatus } from './change-status';
import { changeItem, signOffRules, signOffsVoidedEvent, statusEvent } from './change';

export interface ReopenResult {
	version: number;
	/** How many college decisions stopped counting. */
	voided: number;
}

/**
 * Heropenen: the frozen text may change again. Only the verkenner may do it — the one who runs the process
 * and put the item up for decision; a klankbordgroeplid (even of the trekker) is a party to the decision and
 * asks the verkenner. It takes a reason, voids every valid college decision (the rows stay, marked), tells
 * the colleges and griffies concerned (the `signoff.voided` event carries the reason) and returns the item
 * to in bespreking. Council decisions stay: they are about the version they were taken on.
 */
export async function reopenItem(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<ReopenResult> {
	authorize(actor, 'item.transition');
	const { itemId, from, reason } = parse(reopenItemSchema, input);
	const to = 'in_bespreking';
	const { value } = await changeItem(db, actor, itemId, origin, async (tx, current) => {
		if (current.status !== from) throw new AgendaConflictError(current);
		if (!isReopen(from, to) || !can(actor, 'item.transition', { transition: { from, to } })) {
			throw new DomainError('agenda_reopen_denied', {}, {}, isReopen(from, to) ? 403 : 400);
		}
		const voided = await signOffRules().voidSignOffs(tx, itemId, actor, 'reopened', origin);
		const { state, version } = await changeStatus(tx, current, to, actor, origin, { cause: 'reopened', reason, voidedSignOffs: voided.length });
		return {
			value: { version: version.number, voided: voided.length },
			state,
			events: (after) => [
				...(voided.length ? [signOffsVoidedEvent(after, voided, 'reopened', actor, reason)] : []),
				statusEvent(after, from, actor, version.number)
			]
		};
	});
	return value;
}
