import type { Role } from '../roles';
import type { ItemStatus } from './constants';

export interface Transition {
	from: ItemStatus;
	to: ItemStatus;
	/** Roles that may make this transition by hand; empty when only the sign-off round makes it. */
	roles: readonly Role[];
	/** `signoff`: reached through the college sign-off round, never set by hand. */
	by: 'hand' | 'signoff';
}

/**
 * Every transition an agenda item can make (shared/domain.md: concept → in bespreking →
 * gereed voor besluitvorming → sign-off → vastgesteld / afgewezen → in uitvoering → afgerond;
 * reopening goes back to in bespreking).
 */
export const transitions: readonly Transition[] = [
	{ from: 'concept', to: 'in_bespreking', roles: ['verkenner', 'klankbordgroeplid'], by: 'hand' },
	{ from: 'in_bespreking', to: 'gereed_voor_besluitvorming', roles: ['verkenner'], by: 'hand' },
	{ from: 'gereed_voor_besluitvorming', to: 'in_bespreking', roles: ['verkenner'], by: 'hand' },
	{ from: 'gereed_voor_besluitvorming', to: 'vastgesteld', roles: [], by: 'signoff' },
	{ from: 'gereed_voor_besluitvorming', to: 'afgewezen', roles: [], by: 'signoff' },
	{ from: 'vastgesteld', to: 'in_bespreking', roles: ['verkenner'], by: 'hand' },
	{ from: 'afgewezen', to: 'in_bespreking', roles: ['verkenner'], by: 'hand' },
	{ from: 'vastgesteld', to: 'in_uitvoering', roles: ['verkenner'], by: 'hand' },
	{ from: 'in_uitvoering', to: 'in_bespreking', roles: ['verkenner'], by: 'hand' },
	{ from: 'in_uitvoering', to: 'afgerond', roles: ['verkenner'], by: 'hand' }
];

export function findTransition(from: ItemStatus, to: ItemStatus): Transition | undefined {
	return transitions.find((t) => t.from === from && t.to === to);
}

/** May someone holding these roles move an item from `from` to `to` by hand? */
export function mayTransition(roles: readonly Role[], from: ItemStatus, to: ItemStatus): boolean {
	const t = findTransition(from, to);
	return !!t && t.by === 'hand' && t.roles.some((r) => roles.includes(r));
}

/** The statuses someone with these roles may move an item to from `from`, in the order above. */
export function allowedTargets(roles: readonly Role[], from: ItemStatus): ItemStatus[] {
	return transitions.filter((t) => t.from === from && mayTransition(roles, t.from, t.to)).map((t) => t.to);
}

/**
 * Reopening: going back to in bespreking after the item was ready for, or went through, sign-off. It is its
 * own command (Heropenen, with a reason): it voids the signatures on the frozen text. Afgerond is the end of
 * an item's life: a changed plan after that is a new item.
 */
export function isReopen(from: ItemStatus, to: ItemStatus): boolean {
	return to === 'in_bespreking' && from !== 'concept';
}
