import { eventActor, type DecisionEvent } from '../../bus';
import type { ItemAfter } from '../agenda-items';
import type { Actor } from '../../permissions';

/** What every decision event carries: the item's `seq` and status after the command, and the municipality. */
export function decisionEventOf(after: ItemAfter, municipalityId: string | null, actor: Pick<Actor, 'userId' | 'name'> | null): DecisionEvent {
	const { state } = after;
	return { itemId: state.id, seq: state.seq, status: state.status, municipalityId, by: eventActor(actor) };
}
