import { beforeAll } from 'vitest';
import type { Db } from '../../../src/lib/server/db';
import * as register from '../../../src/lib/server/modules/register';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { registerSuite, servicepunt, servicepuntParticipants, type Suite } from './helpers';

/** The people of the cover notes besides the register's cast: Leiderdorp's and Voorschoten's own. */
export interface Locals {
	adviseurLeiderdorp: NewUser;
	raadLeiderdorp: NewUser;
	adviseurVoorschoten: NewUser;
}

export async function locals(db: Db): Promise<Locals> {
	return {
		adviseurLeiderdorp: await newUser(db, [['ambtelijkadviseur', 'leiderdorp']], { name: 'Lotte Adviseur' }),
		raadLeiderdorp: await newUser(db, [['klankbordgroeplid', 'leiderdorp']], { name: 'Ruud Raadslid' }),
		adviseurVoorschoten: await newUser(db, [['ambtelijkadviseur', 'voorschoten']], { name: 'Vince Adviseur' })
	};
}

/** Servicepunt71 (Leiden, Leiderdorp, Oegstgeest, Zoeterwoude; not Voorschoten) with one coming AB meeting. */
export async function arrangementWithMeeting(s: Suite, on = '2026-12-16'): Promise<{ collaborationId: string; meetingId: string }> {
	const { id: collaborationId } = await register.createCollaboration(s.db, s.verkenner.actor, servicepunt(), testOrigin);
	await register.setParticipants(s.db, s.verkenner.actor, { collaborationId, ...servicepuntParticipants }, testOrigin);
	const { id: meetingId } = await register.addBoardMeeting(s.db, s.verkenner.actor, { collaborationId, board: 'ab', on, title: 'Begroting 2027' }, testOrigin);
	s.events.length = 0;
	return { collaborationId, meetingId };
}

/** A cover note's three texts. */
export const noteTexts = {
	agenda: 'Ontwerpbegroting 2027 en de kadernota.',
	relevance: 'De bijdrage van Leiden stijgt met 4 %.',
	proposedInput: 'Vraag om een taakstelling op de overhead.'
};

/** A test file's register suite with Servicepunt71 and its coming AB meeting, set up once for the file. */
export function meetingSuite(): Suite & { collaborationId: string; meetingId: string } {
	const s = registerSuite() as Suite & { collaborationId: string; meetingId: string };
	beforeAll(async () => Object.assign(s, await arrangementWithMeeting(s)));
	return s;
}
