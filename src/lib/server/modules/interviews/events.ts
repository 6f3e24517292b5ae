import { event, eventActor, type DomainEvent, type DomainEvents } from '../../bus';
import type { Actor } from '../../permissions';

type Changed = DomainEvents['interview.changed'];

/** An interview changed: its page hears `change`; the overviews hear `overview` (null: they need not). */
export function interviewChanged(
	interview: { id: string; visibility: string },
	change: Changed['change'],
	overview: Changed['overview'],
	actor: Pick<Actor, 'userId' | 'name'> | null
): DomainEvent {
	return event('interview.changed', { interview: { id: interview.id, visibility: interview.visibility }, change, overview, by: eventActor(actor) });
}
