import { describe, expect, it } from 'vitest';
import { can, type Actor } from '../../../src/lib/server/permissions';
import { itemStatuses } from '../../../src/lib/agenda/constants';
import { mayTransition } from '../../../src/lib/agenda/status';
import { isRegionalRole, roles, type Role } from '../../../src/lib/roles';

const actorWith = (...rs: Role[]): Actor => ({
	userId: 'u',
	name: 'Test',
	grants: rs.map((role) => ({ role, municipalityId: isRegionalRole(role) ? null : 'leiden' }))
});

/** Item actions per role, by hand (the matrix test holds the same for all actions). */
const itemActions = {
	administrator: { read: true, create: false, edit: false, transition: false },
	verkenner: { read: true, create: true, edit: true, transition: true },
	klankbordgroeplid: { read: true, create: false, edit: true, transition: true },
	collegelid: { read: true, create: false, edit: false, transition: false },
	griffie: { read: true, create: false, edit: false, transition: false },
	meelezer: { read: true, create: false, edit: false, transition: false },
	ambtelijkadviseur: { read: true, create: false, edit: false, transition: false }
} satisfies Record<Role, Record<string, boolean>>;

describe('item permissions', () => {
	it.each(roles)('%s: read, create, edit, transition', (role) => {
		const a = actorWith(role);
		const e = itemActions[role];
		expect(can(a, 'item.read')).toBe(e.read);
		expect(can(a, 'item.create')).toBe(e.create);
		expect(can(a, 'item.edit')).toBe(e.edit);
		expect(can(a, 'item.transition')).toBe(e.transition);
	});

	const cells = roles.flatMap((role) => itemStatuses.flatMap((from) => itemStatuses.map((to) => ({ role, from, to }))));
	it.each(cells)('$role: item.transition $from → $to follows the status machine', ({ role, from, to }) => {
		expect(can(actorWith(role), 'item.transition', { transition: { from, to } })).toBe(mayTransition([role], from, to));
	});

	it('refuses every transition to nobody', () => {
		expect(can(null, 'item.transition', { transition: { from: 'concept', to: 'in_bespreking' } })).toBe(false);
	});

	it('takes the roles of a person together', () => {
		const both = actorWith('collegelid', 'klankbordgroeplid');
		expect(can(both, 'item.transition', { transition: { from: 'concept', to: 'in_bespreking' } })).toBe(true);
		expect(can(both, 'item.transition', { transition: { from: 'in_bespreking', to: 'gereed_voor_besluitvorming' } })).toBe(false);
	});
});
