import { describe, expect, it } from 'vitest';
import { actions, can, municipalitiesFor, type Action, type Actor } from '../../../src/lib/server/permissions';
import { isRegionalRole, roles, type Role } from '../../../src/lib/roles';

/**
 * The full matrix, written out by hand: every role × action × own/other municipality.
 * A change to the policy that is not also made here fails this test, on purpose.
 * Cells: 'ja' = allowed everywhere, 'eigen' = only for the own municipality, 'nee' = never.
 */
type Cell = 'ja' | 'eigen' | 'nee';
const expected: Record<Role, Partial<Record<Action, Cell>>> = {
	administrator: {
		'region.read': 'ja',
		'item.read': 'ja',
		'users.manage': 'ja',
		'municipalities.manage': 'ja',
		'sign_in_providers.manage': 'ja',
		'audit.read': 'ja',
		'mail.read': 'ja',
		'mail.resend': 'ja',
		'interview.read': 'ja',
		'interview.read_confidential': 'ja',
		'meeting.read': 'ja',
		'register.read': 'ja',
		'register.manage': 'ja',
		'register.comment': 'ja',
		'register.assess': 'ja',
		'register.contribution': 'ja',
		'register.seats': 'ja'
	},
	verkenner: {
		'region.read': 'ja',
		'item.read': 'ja',
		'item.create': 'ja',
		'item.edit': 'ja',
		'item.transition': 'ja',
		'item.comment': 'ja',
		'item.publish': 'ja',
		'interview.read': 'ja',
		'interview.read_confidential': 'ja',
		'interview.manage': 'ja',
		'meeting.read': 'ja',
		'meeting.plan': 'ja',
		'meeting.cancel': 'ja',
		'meeting.publish': 'ja',
		'register.read': 'ja',
		'register.manage': 'ja',
		'register.comment': 'ja',
		'register.assess': 'ja',
		'register.contribution': 'ja',
		'register.seats': 'ja',
		'scenario.criteria': 'ja'
	},
	klankbordgroeplid: {
		'region.read': 'ja',
		'item.read': 'ja',
		'item.edit': 'ja',
		'item.transition': 'ja',
		'item.comment': 'ja',
		'position.set': 'eigen',
		'interview.read': 'ja',
		'meeting.read': 'ja',
		'meeting.checkin': 'eigen',
		'meeting.temperature': 'eigen',
		'register.read': 'ja',
		'register.comment': 'ja',
		'register.covernote_read': 'eigen',
		'scenario.score': 'eigen'
	},
	collegelid: {
		'region.read': 'ja',
		'item.read': 'ja',
		'item.comment': 'ja',
		'position.set': 'eigen',
		'signoff.record': 'eigen',
		'meeting.read': 'ja',
		'meeting.checkin': 'eigen',
		'register.read': 'ja',
		'register.comment': 'ja',
		'register.covernote_read': 'eigen',
		'scenario.score_college': 'eigen'
	},
	griffie: {
		'region.read': 'ja',
		'item.read': 'ja',
		'item.comment': 'ja',
		'council.record': 'eigen',
		'meeting.read': 'ja',
		'register.read': 'ja',
		'register.comment': 'ja',
		'register.covernote_read': 'eigen'
	},
	meelezer: {
		'region.read': 'ja',
		'item.read': 'ja',
		'item.comment': 'ja',
		'meeting.read': 'ja',
		'register.read': 'ja',
		'register.comment': 'ja',
		'register.covernote_read': 'eigen'
	},
	ambtelijkadviseur: {
		'region.read': 'ja',
		'item.read': 'ja',
		'meeting.read': 'ja',
		'register.read': 'ja',
		'register.comment': 'ja',
		'register.contribution': 'eigen',
		'register.seats': 'eigen',
		'register.covernote': 'eigen',
		'register.covernote_read': 'eigen',
		'register.score': 'eigen'
	}
};

/**
 * Who may drive a session, decided with the session's chair as resource (`meeting.drive` is 'nee' above: no chair given).
 * `notifications.configure` is 'nee' above too (no person given): everyone sets their own, tested below.
 */
const mayChair: Record<Role, boolean> = {
	administrator: false,
	verkenner: true,
	klankbordgroeplid: true,
	collegelid: false,
	griffie: false,
	meelezer: false,
	ambtelijkadviseur: false
};

const own = 'oegstgeest';
const other = 'zoeterwoude';

function actorWith(role: Role): Actor {
	return { userId: 'u', name: 'Test', grants: [{ role, municipalityId: isRegionalRole(role) ? null : own }] };
}

describe('permission matrix', () => {
	const rows = roles.flatMap((role) => actions.map((action) => ({ role, action })));

	it.each(rows)('$role × $action', ({ role, action }) => {
		const cell = expected[role][action] ?? 'nee';
		const actor = actorWith(role);
		expect(can(actor, action, { municipalityId: own }), 'own municipality').toBe(cell !== 'nee');
		expect(can(actor, action, { municipalityId: other }), 'other municipality').toBe(cell === 'ja');
	});

	it.each(roles)('%s drives a session only as its chair', (role) => {
		const actor = actorWith(role);
		expect(can(actor, 'meeting.drive', { chairUserId: actor.userId }), 'as chair').toBe(mayChair[role]);
		expect(can(actor, 'meeting.drive', { chairUserId: 'someone-else' }), 'another chair').toBe(false);
		expect(can(actor, 'meeting.drive', { chairUserId: null }), 'no chair').toBe(false);
	});

	it.each(roles)('%s sets only their own notification settings', (role) => {
		const actor = actorWith(role);
		expect(can(actor, 'notifications.configure', { userId: actor.userId }), 'own').toBe(true);
		expect(can(actor, 'notifications.configure', { userId: 'someone-else' }), 'another person').toBe(false);
		expect(can(actor, 'notifications.configure'), 'nobody named').toBe(false);
		expect(can({ userId: 'u', name: 'Zonder rol', grants: [] }, 'notifications.configure', { userId: 'u' }), 'no role').toBe(false);
	});

	it('lists only actions the policy knows', () => {
		const known = new Set<string>(actions);
		for (const role of roles) for (const action of Object.keys(expected[role])) expect(known.has(action), action).toBe(true);
	});

	it('refuses everything to nobody', () => {
		for (const action of actions) expect(can(null, action, { municipalityId: own })).toBe(false);
	});

	it('refuses a municipal action without a municipality', () => {
		expect(can(actorWith('collegelid'), 'signoff.record')).toBe(false);
	});

	it('names the municipalities whose part of the register one keeps: an official their own, the verkenner and administrators all five', () => {
		expect(municipalitiesFor(actorWith('ambtelijkadviseur'), 'register.seats')).toEqual([own]);
		expect(municipalitiesFor(actorWith('verkenner'), 'register.contribution')).toEqual(['leiden', 'leiderdorp', 'oegstgeest', 'voorschoten', 'zoeterwoude']);
		expect(municipalitiesFor(actorWith('administrator'), 'register.seats')).toHaveLength(5);
		expect(municipalitiesFor(actorWith('verkenner'), 'position.set')).toEqual([]);
		expect(municipalitiesFor(actorWith('klankbordgroeplid'), 'register.seats')).toEqual([]);
	});

	it('adds up the grants of a person with several roles', () => {
		const actor: Actor = {
			userId: 'u',
			name: 'Test',
			grants: [
				{ role: 'griffie', municipalityId: 'leiden' },
				{ role: 'klankbordgroeplid', municipalityId: 'leiderdorp' }
			]
		};
		expect(can(actor, 'council.record', { municipalityId: 'leiden' })).toBe(true);
		expect(can(actor, 'council.record', { municipalityId: 'leiderdorp' })).toBe(false);
		expect(can(actor, 'position.set', { municipalityId: 'leiderdorp' })).toBe(true);
		expect(can(actor, 'position.set', { municipalityId: 'leiden' })).toBe(false);
		expect(can(actor, 'item.edit')).toBe(true);
	});
});
