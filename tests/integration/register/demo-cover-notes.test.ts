import { describe, expect, it } from 'vitest';
import { collaborationBoardMeetings, collaborationCoverNotes } from '../../../src/lib/server/db/schema';
import * as register from '../../../src/lib/server/modules/register';
import { seedDemoCoverNotes } from '../../../src/lib/server/seed/demo-cover-notes';
import { DEMO_DOMAIN } from '../../../src/lib/server/seed/demo-accounts';
import type { Role } from '../../../src/lib/roles';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { registerSuite, servicepunt } from './helpers';

const s = registerSuite();
const five = ['leiden', 'leiderdorp', 'oegstgeest', 'voorschoten', 'zoeterwoude'];

describe('the demo cover notes', () => {
	it('plans a coming AB meeting per arrangement with one shared and one internal note, skipping a missing adviseur, told once', async () => {
		const people = new Map<string, NewUser>();
		const account = async (name: string, role: Role, municipalityId: string | null) =>
			people.set(name, await newUser(s.db, [[role, municipalityId]], { email: `${name}@${DEMO_DOMAIN}` }));
		await account('verkenner', 'verkenner', null);
		// Oegstgeest's and Voorschoten's adviseurs are missing: their notes are skipped.
		for (const m of ['leiden', 'leiderdorp']) await account(`adviseur.${m}`, 'ambtelijkadviseur', m);
		for (const m of five) await account(`klankbord.${m}`, 'klankbordgroeplid', m);
		const who = (name: string) => people.get(name)!.actor;
		const ids = new Map<string, string>();
		for (const name of ['Holland Rijnland', 'Sociaal domein Leidse regio (Wmo, jeugdhulp, werk en inkomen)']) {
			const { id } = await register.createCollaboration(s.db, s.verkenner.actor, servicepunt({ name }), testOrigin);
			await register.setParticipants(
				s.db,
				s.verkenner.actor,
				{ collaborationId: id, municipalities: five.map((municipalityId) => ({ municipalityId })) },
				testOrigin
			);
			ids.set(name, id);
		}
		await seedDemoCoverNotes(s.db, who, ids);
		await seedDemoCoverNotes(s.db, who, ids);
		expect((await s.db.select().from(collaborationBoardMeetings)).map((mt) => mt.board)).toEqual(['ab', 'ab']);
		const notes = await s.db.select().from(collaborationCoverNotes);
		expect(notes.map((n) => [n.municipalityId, n.sharedAt !== null]).sort()).toEqual([
			['leiden', true],
			['leiderdorp', false]
		]);
		const hr = await register.listBoardMeetings(s.db, who('klankbord.zoeterwoude'), ids.get('Holland Rijnland'));
		expect(hr.upcoming[0].notes.map((n) => n.municipalityId)).toEqual(['leiden']);
	});
});
