import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { collaborationBoardMeetings, users } from '../db/schema';
import type { Actor } from '../permissions';
import { loadActor } from '../modules/users';
import { addBoardMeeting, postComment, saveCoverNote, shareCoverNote } from '../modules/register';
import { DEMO_DOMAIN } from './demo-accounts';
import { demoOrigin as origin, type DemoPeople } from './demo-people';
import { demoDay, inOneCommit } from './demo-agenda';

const HOLLAND_RIJNLAND = 'Holland Rijnland';
const SOCIAL_DOMAIN = 'Sociaal domein Leidse regio (Wmo, jeugdhulp, werk en inkomen)';

/** A demo board meeting with the cover notes two municipalities write for it: one shared, one kept internal. */
interface DemoMeeting {
	arrangement: string;
	days: number;
	title: string;
	notes: { municipalityId: string; shared: boolean; agenda: string; relevance: string; proposedInput: string }[];
}

function demoMeetings(): DemoMeeting[] {
	const year = Number(demoDay(0).slice(0, 4)) + 1;
	return [
		{
			arrangement: HOLLAND_RIJNLAND,
			days: 8,
			title: `Ontwerpbegroting ${year} en kadernota`,
			notes: [
				{
					municipalityId: 'leiden',
					shared: true,
					agenda: `De ontwerpbegroting ${year}, de kadernota en de voortgang van de regionale woonagenda.`,
					relevance: 'De bijdrage van Leiden stijgt (illustratief) met ongeveer 4 %; de woonagenda raakt de opgave van 10.000 extra woningen tot 2029.',
					proposedInput: 'Steun de begroting, vraag om een taakstelling op de overhead en om de woningbouwcijfers per gemeente in de volgende rapportage.'
				},
				{
					municipalityId: 'leiderdorp',
					shared: false,
					agenda: `De ontwerpbegroting ${year} en de kadernota.`,
					relevance: 'De raad heeft gevraagd de stijging van de bijdrage te beperken tot de loon- en prijsindex.',
					proposedInput: 'Vraag het dagelijks bestuur hoe de stijging boven de index wordt gedekt; geen instemming vooruitlopend op de zienswijze van de raad.'
				}
			]
		},
		{
			arrangement: SOCIAL_DOMAIN,
			days: 9,
			title: 'Inkoop jeugdhulp en Wmo',
			notes: [
				{
					municipalityId: 'voorschoten',
					shared: true,
					agenda: 'De stand van de inkoop jeugdhulp en de voorbereiding van de Wmo-inkoop.',
					relevance:
						'Voorschoten brengt zijn sociaal domein over van Haaglanden naar de Leidse regio; de overgang van lopende contracten is voor onze inwoners het belangrijkst.',
					proposedInput: 'Vraag om een overgangsregeling voor inwoners met lopende jeugdhulp en om een aparte rapportage over de overgang.'
				},
				{
					municipalityId: 'oegstgeest',
					shared: false,
					agenda: 'Inkoop jeugdhulp en Wmo.',
					relevance: 'Het tekort op jeugdhulp loopt in Oegstgeest op; de raad volgt de inkoop nauw.',
					proposedInput: 'Vraag om de verwachte kosten per gemeente vóór de gunning.'
				}
			]
		}
	];
}

/** A municipality's ambtelijk adviseur among the demo accounts; null where that account does not exist. */
async function adviser(db: Db, municipalityId: string): Promise<Actor | null> {
	const [user] = await db
		.select()
		.from(users)
		.where(eq(users.email, `adviseur.${municipalityId}@${DEMO_DOMAIN}`));
	return user ? loadActor(db, user) : null;
}

/**
 * A coming general board (AB) meeting of Holland Rijnland and of the social-domain arrangement, each with the
 * cover notes of two municipalities (one shared, one internal) written by their ambtelijk adviseurs, through
 * the same commands people use. Told once: arrangements that have board meetings already are left as they are;
 * a note whose adviseur account is missing is skipped.
 */
export async function seedDemoCoverNotes(db: Db, who: DemoPeople, collaborationIdByName: Map<string, string>): Promise<void> {
	const meetings = demoMeetings().filter((mt) => collaborationIdByName.has(mt.arrangement));
	const ids = meetings.map((mt) => collaborationIdByName.get(mt.arrangement) as string);
	if (!ids.length) return;
	const planned = await db
		.select({ id: collaborationBoardMeetings.id })
		.from(collaborationBoardMeetings)
		.where(inArray(collaborationBoardMeetings.collaborationId, ids))
		.limit(1);
	if (planned.length) return;
	await inOneCommit(db, async (tx) => {
		for (const [i, mt] of meetings.entries()) await tellMeeting(tx, who, ids[i], mt);
	});
}

async function tellMeeting(db: Db, who: DemoPeople, collaborationId: string, mt: DemoMeeting): Promise<void> {
	const documents = [{ title: 'Agenda en stukken (illustratief)', url: 'https://www.leidseregio.nl/' }];
	const { id: boardMeetingId } = await addBoardMeeting(
		db,
		who('verkenner'),
		{ collaborationId, board: 'ab', on: demoDay(mt.days), title: mt.title, documents },
		origin
	);
	for (const { shared, municipalityId, ...texts } of mt.notes) {
		const writer = await adviser(db, municipalityId);
		if (!writer) continue;
		const { id: coverNoteId } = await saveCoverNote(db, writer, { boardMeetingId, municipalityId, revision: 0, ...texts }, origin);
		if (shared) await shareCoverNote(db, writer, { coverNoteId, shared: true }, origin);
		await postComment(
			db,
			who(`klankbord.${municipalityId}`),
			{ collaborationId, coverNoteId, body: 'Dank; graag bespreken in de commissie vóór de vergadering.' },
			origin
		);
	}
}
