import { describe, expect, it } from 'vitest';
import { allowedTargets, findTransition, isReopen, mayTransition, transitions } from '../../../src/lib/agenda/status';
import { itemStatuses, type ItemStatus } from '../../../src/lib/agenda/constants';
import { roles, type Role } from '../../../src/lib/roles';

/** Written out by hand: who may move an item from where to where. Anything not listed is refused. */
const expected: Record<string, Role[]> = {
	'concept→in_bespreking': ['verkenner', 'klankbordgroeplid'],
	'in_bespreking→gereed_voor_besluitvorming': ['verkenner'],
	'gereed_voor_besluitvorming→in_bespreking': ['verkenner'],
	'vastgesteld→in_bespreking': ['verkenner'],
	'afgewezen→in_bespreking': ['verkenner'],
	'vastgesteld→in_uitvoering': ['verkenner'],
	// Heropenen during implementation: the plan changes, the college decisions on the old text are voided.
	'in_uitvoering→in_bespreking': ['verkenner'],
	'in_uitvoering→afgerond': ['verkenner']
};

describe('status machine', () => {
	const cells = itemStatuses.flatMap((from) => itemStatuses.flatMap((to) => roles.map((role) => ({ from, to, role }))));

	it.each(cells)('$role: $from → $to', ({ from, to, role }) => {
		const allowed = (expected[`${from}→${to}`] ?? []).includes(role);
		expect(mayTransition([role], from, to)).toBe(allowed);
	});

	it('lets nobody set vastgesteld or afgewezen by hand: only the sign-off round does', () => {
		for (const to of ['vastgesteld', 'afgewezen'] as ItemStatus[]) {
			for (const from of itemStatuses) expect(mayTransition([...roles], from, to)).toBe(false);
			expect(findTransition('gereed_voor_besluitvorming', to)?.by).toBe('signoff');
		}
	});

	it('never allows staying in the same status or skipping ahead', () => {
		for (const s of itemStatuses) expect(findTransition(s, s)).toBeUndefined();
		expect(findTransition('concept', 'vastgesteld')).toBeUndefined();
		expect(findTransition('concept', 'afgerond')).toBeUndefined();
		expect(findTransition('afgerond', 'in_bespreking')).toBeUndefined();
	});

	it('lists the allowed targets for a set of roles', () => {
		expect(allowedTargets(['verkenner'], 'vastgesteld')).toEqual(['in_bespreking', 'in_uitvoering']);
		expect(allowedTargets(['klankbordgroeplid'], 'concept')).toEqual(['in_bespreking']);
		expect(allowedTargets(['klankbordgroeplid'], 'in_bespreking')).toEqual([]);
		expect(allowedTargets(['collegelid', 'griffie', 'meelezer', 'administrator'], 'concept')).toEqual([]);
		expect(allowedTargets(['verkenner'], 'afgerond')).toEqual([]);
	});

	it('recognises reopening', () => {
		expect(isReopen('gereed_voor_besluitvorming', 'in_bespreking')).toBe(true);
		expect(isReopen('vastgesteld', 'in_bespreking')).toBe(true);
		expect(isReopen('concept', 'in_bespreking')).toBe(false);
	});

	it('only knows statuses of the list', () => {
		for (const t of transitions) {
			expect(itemStatuses).toContain(t.from);
			expect(itemStatuses).toContain(t.to);
		}
	});
});
