import { event, eventActor, publish, type DomainEvent } from '../../bus';
import type { ItemChangedEvent } from '../../../realtime/events';
import type { Actor } from '../../permissions';
import type { ItemState } from './state';

export type ChangeKind = ItemChangedEvent['kind'];

/** Announces an item change on the bus after its commit. */
export function publishItemChange(
	state: Pick<ItemState, 'id' | 'ambitionId' | 'title' | 'status' | 'revision'>,
	seq: number,
	kind: ChangeKind,
	actor: Pick<Actor, 'userId' | 'name'> | null,
	extra: { fields?: string[]; version?: number } = {}
): Promise<void> {
	const base = { itemId: state.id, seq, revision: state.revision, status: state.status, ambitionId: state.ambitionId, title: state.title, by: eventActor(actor) };
	const byKind: Record<ChangeKind, DomainEvent> = {
		created: event('item.created', base),
		fields: event('item.fields_changed', { ...base, fields: extra.fields ?? [] }),
		status: event('item.status_changed', { ...base, from: '', version: extra.version }),
		version: event('item.version_captured', { ...base, version: extra.version ?? 0 }),
		restored: event('item.restored', { ...base, version: extra.version ?? 0 })
	};
	return publish([byKind[kind]]);
}
