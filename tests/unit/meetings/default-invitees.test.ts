import { describe, expect, it } from 'vitest';
import { defaultInvitees } from '../../../src/lib/components/meetings/plan-values';

describe('the invitees of a new session', () => {
	it('are the klankbordgroep members, whatever other roles they hold; nobody else', () => {
		const people = [
			{ id: 'kb-leiden', roles: [{ role: 'klankbordgroeplid' }] },
			{ id: 'college', roles: [{ role: 'collegelid' }] },
			{ id: 'verkenner', roles: [{ role: 'verkenner' }] },
			{ id: 'both', roles: [{ role: 'collegelid' }, { role: 'klankbordgroeplid' }] }
		];
		expect(defaultInvitees(people)).toEqual(['kb-leiden', 'both']);
	});
});
