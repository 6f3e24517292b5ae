import { randomUUID } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { agendaItems, meetingAgendaEntries, meetingAttendance, meetingMinutes, meetingTemperatureChecks, meetings } from '../db/schema';
import { checkIn, closeMeeting, createMeeting, publishHighlights, giveTemperature, moveTo, nameChair, startLive, writeMinute } from '../modules/meetings';
import { demoOrigin as origin, demoPeople, type DemoPeople } from './demo-people';
import { demoDay, inOneCommit } from './demo-agenda';

const five = ['leiden', 'leiderdorp', 'oegstgeest', 'voorschoten', 'zoeterwoude'];

/** The items on the planned session's agenda, in order, with the minutes planned for each. */
const plannedAgenda: [title: string, minutes: number][] = [
	['Versnelling woningbouw in de Leidse regio', 30],
	['Economie071 en LAB071 voortzetten', 20],
	['Studenten- en expathuisvesting voor de Kennisstad', 25]
];

/** The session held three weeks ago: the housing item and the social domain. */
const heldAgenda: [title: string, minutes: number][] = [
	['Versnelling woningbouw in de Leidse regio', 40],
	['Sociaal domein: Voorschoten sluit aan bij de Leidse regio', 30]
];

/**
 * Two klankbordgroep sessions, chaired by the verkenner with the five klankbordgroep members invited, through
 * the same use cases people use (so audited too): one held three weeks ago, with attendance, temperature
 * checks, minutes and action points (its highlights can be downloaded), and one planned two weeks ahead, so
 * the demo shows the sessions list, the invitation and live mode right away.
 */
export async function seedDemoMeetings(db: Db): Promise<void> {
	await inOneCommit(db, tellMeetingsStory);
}

async function tellMeetingsStory(db: Db): Promise<void> {
	const who = await demoPeople(db);
	if (!who) return;
	const held = await plan(db, who, 'Klankbordgroep Leidse regio: woningbouw en sociaal domein', demoDay(-21), 'Gemeentehuis Oegstgeest, raadzaal', heldAgenda);
	await holdSession(db, who, held);
	await plan(db, who, 'Klankbordgroep Leidse regio: uitvoeringsagenda', demoDay(14), 'Stadhuis Leiden, Burgerzaal', plannedAgenda);
}

async function plan(db: Db, who: DemoPeople, title: string, date: string, location: string, agenda: [string, number][]): Promise<string> {
	const items = await db
		.select({ id: agendaItems.id, title: agendaItems.title })
		.from(agendaItems)
		.where(
			inArray(
				agendaItems.title,
				agenda.map(([t]) => t)
			)
		);
	const { id } = await createMeeting(
		db,
		who('verkenner'),
		{
			title,
			date,
			startTime: '19:30',
			endTime: '21:30',
			location,
			onlineUrl: 'https://meet.example.nl/klankbordgroep-leidse-regio',
			agenda: agenda.flatMap(([t, plannedMinutes]) => {
				const item = items.find((i) => i.title === t);
				return item ? [{ itemId: item.id, plannedMinutes }] : [];
			}),
			invitees: five.map((m) => who(`klankbord.${m}`).userId)
		},
		origin
	);
	await nameChair(db, who('verkenner'), { meetingId: id, chairUserId: who('verkenner').userId }, origin);
	return id;
}

/** The held session, live as the chair and members would run it: Zoeterwoude could not come. */
async function holdSession(db: Db, who: DemoPeople, meetingId: string): Promise<void> {
	const temperature = { leiden: 'steunt', leiderdorp: 'steunt_onder_voorwaarden', oegstgeest: 'bezwaar', voorschoten: 'neutraal' } as const;
	const present = Object.keys(temperature) as (keyof typeof temperature)[];
	await checkIn(db, who('verkenner'), { meetingId, municipalityId: null }, origin);
	for (const m of present) await checkIn(db, who(`klankbord.${m}`), { meetingId, municipalityId: m }, origin);
	const live = await startLive(db, who('verkenner'), { meetingId }, origin);
	const [housing, social] = live.entries.map((e) => e.itemId);
	const written: string[] = [];
	const minute = (itemId: string, m: Record<string, unknown>) => {
		written.push(randomUUID());
		return writeMinute(db, who('verkenner'), { id: written.at(-1), meetingId, itemId, ...m }, origin);
	};

	for (const m of present) await giveTemperature(db, who(`klankbord.${m}`), { meetingId, itemId: housing, municipalityId: m, value: temperature[m] }, origin);
	await minute(housing, {
		kind: 'besproken',
		body: 'De klankbordgroep steunt een regionale locatiekaart. Oegstgeest wil eerst de binnenstedelijke locaties en de transformatie van kantoren in beeld; Leiderdorp vraagt aandacht voor de groene buffer en de verkeersafwikkeling.'
	});
	await minute(housing, { kind: 'besluit', body: 'De groene buffers tussen de kernen komen als aparte kaartlaag op de regionale locatiekaart.' });
	await minute(housing, {
		kind: 'actiepunt',
		body: 'Overzicht van de plancapaciteit van Leiderdorp tot 2030 aanleveren.',
		ownerName: who('klankbord.leiderdorp').name,
		dueOn: demoDay(7)
	});
	await minute(housing, {
		kind: 'vraag',
		body: 'Welke groene gebieden tussen de kernen wil uw raad in elk geval onbebouwd houden?',
		municipalityId: 'oegstgeest'
	});
	await moveTo(db, who('verkenner'), { meetingId, to: 'next' }, origin);
	await minute(social, {
		kind: 'besproken',
		body: 'Voorschoten lichtte de omklapping van het sociaal domein toe. De klankbordgroep vraagt om een stappenplan per beleidsterrein: Wmo, jeugdhulp en werk en inkomen.'
	});
	await minute(social, {
		kind: 'actiepunt',
		body: 'Stappenplan per beleidsterrein van het sociaal domein rondsturen aan de klankbordgroep.',
		ownerName: who('verkenner').name,
		dueOn: demoDay(10)
	});
	await closeMeeting(db, who('verkenner'), { meetingId }, origin);
	await publishHighlights(db, who('verkenner'), { meetingId, published: true }, origin);
	await backdate(db, meetingId, written);
}

/**
 * The session was played through now; its times are moved to the evening it was planned, so its page and
 * highlights read as a session held then. No command changes when something happened (rightly): this is the
 * one direct write of the demo data.
 */
async function backdate(db: Db, meetingId: string, minutes: string[]): Promise<void> {
	const [m] = await db.select({ startsAt: meetings.startsAt }).from(meetings).where(eq(meetings.id, meetingId));
	const at = (minutes: number) => new Date(m.startsAt.getTime() + minutes * 60_000);
	await db.transaction(async (tx) => {
		await tx
			.update(meetings)
			.set({ startedAt: at(2), endedAt: at(112) })
			.where(eq(meetings.id, meetingId));
		await tx
			.update(meetingAttendance)
			.set({ checkedInAt: at(0) })
			.where(eq(meetingAttendance.meetingId, meetingId));
		await tx
			.update(meetingTemperatureChecks)
			.set({ givenAt: at(35) })
			.where(eq(meetingTemperatureChecks.meetingId, meetingId));
		// Minutes in the order they were written (the report sorts by time), seven minutes apart.
		for (const [i, id] of minutes.entries())
			await tx
				.update(meetingMinutes)
				.set({ createdAt: at(10 + 7 * i) })
				.where(eq(meetingMinutes.id, id));
		const entries = await tx
			.select({ id: meetingAgendaEntries.id })
			.from(meetingAgendaEntries)
			.where(eq(meetingAgendaEntries.meetingId, meetingId))
			.orderBy(asc(meetingAgendaEntries.position));
		const spent = [47 * 60, 33 * 60];
		for (const [i, e] of entries.entries())
			await tx
				.update(meetingAgendaEntries)
				.set({ spentSeconds: spent[i] ?? 0 })
				.where(eq(meetingAgendaEntries.id, e.id));
	});
}
