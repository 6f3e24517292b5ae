import { eq, inArray, like } from 'drizzle-orm';
import type { Db } from '../db';
import { agendaItems, users } from '../db/schema';
import { createMeeting, nameChair } from '../modules/meetings';
import { loadActor } from '../modules/users';
import type { Origin } from '../modules/audit';
import { amsterdamParts } from '../../meetings/time';
import { DEMO_DOMAIN } from './demo-accounts';

const origin: Origin = { ip: null, userAgent: 'demo-data' };

/** The items on the demo session's agenda, in order, with the minutes planned for each. */
const agenda: [title: string, minutes: number][] = [
	['Versnelling woningbouw in de Leidse regio', 30],
	['Economie071 en LAB071 voortzetten', 20],
	['Studenten- en expathuisvesting voor de Kennisstad', 25]
];

/**
 * One planned klankbordgroep session two weeks after the demo data is loaded, chaired by the verkenner,
 * with the five klankbordgroep members invited: the demo shows the sessions list, the invitation and
 * live mode right away. Through the same use cases people use (so audited too).
 */
export async function seedDemoMeetings(db: Db): Promise<void> {
	const [verkenner] = await db
		.select()
		.from(users)
		.where(eq(users.email, `verkenner@${DEMO_DOMAIN}`));
	if (!verkenner) return;
	const actor = await loadActor(db, verkenner);
	const items = await db
		.select({ id: agendaItems.id, title: agendaItems.title })
		.from(agendaItems)
		.where(
			inArray(
				agendaItems.title,
				agenda.map(([t]) => t)
			)
		);
	const members = await db
		.select({ id: users.id })
		.from(users)
		.where(like(users.email, `klankbord.%@${DEMO_DOMAIN}`));
	const date = amsterdamParts(new Date(Date.now() + 14 * 24 * 3600 * 1000)).date;
	const { id } = await createMeeting(
		db,
		actor,
		{
			title: 'Klankbordgroep Leidse regio: uitvoeringsagenda',
			date,
			startTime: '19:30',
			endTime: '21:30',
			location: 'Stadhuis Leiden, Burgerzaal',
			onlineUrl: 'https://meet.example.nl/klankbordgroep-leidse-regio',
			agenda: agenda.flatMap(([title, plannedMinutes]) => {
				const item = items.find((i) => i.title === title);
				return item ? [{ itemId: item.id, plannedMinutes }] : [];
			}),
			invitees: members.map((m) => m.id)
		},
		origin
	);
	await nameChair(db, actor, { meetingId: id, chairUserId: actor.userId }, origin);
}
