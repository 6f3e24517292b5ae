import { describe, expect, it } from 'vitest';
import { canJoinRoom, type Actor } from '../../../src/lib/server/permissions';
import { mayReadInterview, visibleVisibilities } from '../../../src/lib/server/modules/interviews/visibility';
import { interviewOverviewRoomsFor as overviewRoomsFor } from '../../../src/lib/server/realtime/rooms';
import type { Role } from '../../../src/lib/roles';

const as = (role: Role, municipalityId: string | null = null): Actor => ({ userId: 'u', name: 'n', grants: [{ role, municipalityId }] });
const verkenner = as('verkenner');
const admin = as('administrator');
const klankbord = as('klankbordgroeplid', 'leiden');
const college = as('collegelid', 'leiden');
const shared = { visibility: 'klankbordgroep' };
const confidential = { visibility: 'vertrouwelijk' };

describe('the one visibility rule of interviews', () => {
	it('confidential interviews only for the verkenner and administrators; shared ones also for the klankbordgroep', () => {
		expect(visibleVisibilities(verkenner)).toEqual(['klankbordgroep', 'vertrouwelijk']);
		expect(visibleVisibilities(admin)).toEqual(['klankbordgroep', 'vertrouwelijk']);
		expect(visibleVisibilities(klankbord)).toEqual(['klankbordgroep']);
		expect(visibleVisibilities(college)).toEqual([]);
		expect(visibleVisibilities(null)).toEqual([]);
		expect([mayReadInterview(klankbord, shared), mayReadInterview(klankbord, confidential)]).toEqual([true, false]);
		expect([mayReadInterview(verkenner, confidential), mayReadInterview(college, shared)]).toEqual([true, false]);
	});

	it('rooms: the overview rooms by role; a single interview room never by name', () => {
		expect(overviewRoomsFor(klankbord)).toEqual(['interviews']);
		expect(overviewRoomsFor(verkenner)).toEqual(['interviews', 'interviews:vertrouwelijk']);
		expect([canJoinRoom(klankbord, 'interviews'), canJoinRoom(klankbord, 'interviews:vertrouwelijk')]).toEqual([true, false]);
		expect([canJoinRoom(admin, 'interviews:vertrouwelijk'), canJoinRoom(college, 'interviews')]).toEqual([true, false]);
		for (const who of [verkenner, admin, klankbord]) expect(canJoinRoom(who, 'interview:5b0b7c1e-0000-4000-8000-000000000001')).toBe(false);
	});
});
