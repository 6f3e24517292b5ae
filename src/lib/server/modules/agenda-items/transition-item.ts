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
import { changeItem, signOffRules, signOffsVoidedEvent, statusEvent } from './change';
import { holdTexts } from './rich-text';
import { syncStoredTexts } from './sync-texts';

/**
 * Moves an item to another status by hand, as the status machine and the actor's roles allow.
 * `from` is the status the user saw: if it changed meanwhile, the move is refused as a conflict.
 * Reopening is not a plain move: it voids signatures and needs a reason (reopen-item.ts).
 */
export async function transitionItem(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ status: ItemStatus; version: number }> {
	authorize(actor, 'item.transition');
	const { itemId, from, to } = parse(transitionItemSchema, input);
	if (isReopen(from, to)) throw new DomainError('agenda_reopen_needs_reason', {}, { reason: 'validation_agenda_reopen_reason_required' }, 400);
	const freezing = to === 'gereed_voor_besluitvorming';
	// Freezing: no co-editing change may slip in between what is stored and what is versioned.
	const release = freezing ? await holdTexts(itemId) : () => {};
	try {
		const { value } = await changeItem(db, actor, itemId, origin, async (tx, current) => {
			if (current.status !== from) throw new AgendaConflictError(current);
			if (!can(actor, 'item.transition', { transition: { from, to } })) {
				const known = findTransition(from, to);
				throw new DomainError(`agenda_transition_denied_${to}`, {}, {}, known ? 403 : 400);
			}
			// The frozen version is made from the stored documents everyone sees; a signature left from an
			// earlier round (a niet akkoord) is about another version and stops counting, visibly.
			const texts = freezing ? await syncStoredTexts(tx, current) : current;
			const voided = freezing ? await signOffRules().voidSignOffs(tx, itemId, actor, 'reopened', origin) : [];
			const { state, version } = await changeStatus(tx, texts, to, actor, origin, voided.length ? { voidedSignOffs: voided.length } : {});
			return {
				value: { status: to, version: version.number },
				state,
				events: (after) => [...(voided.length ? [signOffsVoidedEvent(after, voided, 'reopened', actor)] : []), statusEvent(after, from, actor, version.number)]
			};
		});
		return value;
	} finally {
		release();
	}
}
