/**
 * Every action the policy decides. Regional actions ignore the municipality;
 * municipal actions are decided against the municipality they act for.
 */
export const regionalActions = [
	'region.read',
	'item.read',
	'item.create',
	'item.edit',
	/** Change an item's status; with a `transition` resource decided by the status machine (agenda/status.ts). */
	'item.transition',
	'item.comment',
	'users.manage',
	'municipalities.manage',
	'audit.read',
	'mail.read'
] as const;

export const municipalActions = ['position.set', 'signoff.record', 'council.record'] as const;

export const actions = [...regionalActions, ...municipalActions] as const;
export type RegionalAction = (typeof regionalActions)[number];
export type MunicipalAction = (typeof municipalActions)[number];
export type Action = (typeof actions)[number];

export function isMunicipalAction(action: Action): action is MunicipalAction {
	return (municipalActions as readonly string[]).includes(action);
}
