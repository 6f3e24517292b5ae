import { DomainError } from '../../errors';
import type { ItemState } from './state';

/** The values an editor sees after a refused change: the item as it is now. */
export type CurrentValues = Omit<ItemState, 'pendingContributors'>;

/**
 * Someone else changed the item since the editor loaded it. Nothing was stored; the editor is told
 * and gets the current values to compare with their own (which the form keeps).
 */
export class AgendaConflictError extends DomainError {
	readonly current: CurrentValues;
	constructor(state: ItemState) {
		super('agenda_conflict', {}, {}, 409);
		const { pendingContributors: _, ...current } = state;
		this.current = current;
	}
}
