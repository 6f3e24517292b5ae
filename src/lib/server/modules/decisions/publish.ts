import { event, eventActor, publish } from '../../bus';
import type { DecisionsChangedEvent } from '../../../realtime/events';
import type { Actor } from '../../permissions';

/** Announces a decision change on the bus after its commit. */
export function publishDecisionChange(e: Omit<DecisionsChangedEvent, 'by'>, actor: Pick<Actor, 'userId' | 'name'> | null): Promise<void> {
	const base = { itemId: e.itemId, seq: e.seq, status: e.status, municipalityId: e.municipalityId, by: eventActor(actor) };
	const v = e.value ?? '';
	const byKind = {
		position: event('position.set', { ...base, position: v }),
		signoff: event('signoff.recorded', { ...base, decision: v }),
		void: event('signoff.voided', { ...base, count: 0, reason: '' }),
		council: event('council_decision.recorded', { ...base, outcome: v }),
		progress: event('progress.reported', { ...base, percent: Number(v) }),
		origin: event('item.origin_added', base)
	};
	return publish([byKind[e.kind]]);
}
