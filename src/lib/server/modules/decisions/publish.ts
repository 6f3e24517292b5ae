import { publish } from '../../realtime/publish';
import type { DecisionsChangedEvent } from '../../../realtime/events';
import type { Actor } from '../../permissions';

/**
 * Tells the item page and the position matrix; called only after the transaction committed.
 * Only the interviews module still calls it: the commands of this module add domain events to their
 * transaction's sink instead, and this file goes when the last caller does the same.
 */
export function publishDecisionChange(
	event: Omit<DecisionsChangedEvent, 'by'>,
	actor: Pick<Actor, 'userId' | 'name'> | null
): void {
	const payload: DecisionsChangedEvent = { ...event, by: actor ? { userId: actor.userId, name: actor.name } : null };
	publish(`item:${event.itemId}`, 'decisions:changed', payload);
	publish('agenda', 'decisions:changed', payload);
	if (event.municipalityId) publish(`municipality:${event.municipalityId}`, 'decisions:changed', payload);
}
