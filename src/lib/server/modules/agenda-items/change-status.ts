import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { agendaItems } from '../../db/schema';
import type { Actor } from '../../permissions';
import { record, type AuditDetails, type Origin } from '../audit';
import type { ItemStatus } from '../../../agenda/constants';
import { withContributor, type ItemState } from './state';
import { insertVersion, type VersionRef } from './capture-version';

export interface StatusChange {
	/** The item after the change; its `seq` is bumped by `changeItem`, once per command. */
	state: ItemState;
	version: VersionRef;
}

/**
 * Writes a status change inside the caller's transaction (the item row must be locked): the new status,
 * a version frozen with it, the audit row. Used by `transitionItem`, by the rule of frozen content
 * (change.ts) and, for vastgesteld/afgewezen, by the sign-off round, which decides for itself who may cause
 * the change.
 */
export async function changeStatus(
	tx: Queryable,
	current: ItemState,
	to: ItemStatus,
	actor: Pick<Actor, 'userId' | 'name'> | null,
	origin: Origin,
	details: Omit<AuditDetails['item.status_changed'], 'from' | 'to' | 'version' | 'contentHash'> = {}
): Promise<StatusChange> {
	const pendingContributors = withContributor(current.pendingContributors, actor);
	const [row] = await tx
		.update(agendaItems)
		.set({ status: to, revision: current.revision + 1, updatedAt: new Date(), pendingContributors })
		.where(eq(agendaItems.id, current.id))
		.returning({ revision: agendaItems.revision });
	const state: ItemState = { ...current, status: to, revision: row.revision, pendingContributors };
	const version = await insertVersion(tx, state, 'status', actor);
	await record(tx, {
		actor,
		action: 'item.status_changed',
		objectType: 'agenda_item',
		objectId: current.id,
		origin,
		details: { from: current.status, to, version: version.number, contentHash: version.contentHash, ...details }
	});
	return { state: { ...state, pendingContributors: [] }, version };
}
