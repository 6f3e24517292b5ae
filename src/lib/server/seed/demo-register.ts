import type { Db } from '../db';
import { collaborations } from '../db/schema';
import { addMoment, createCollaboration, setParticipants, setSeats, splitContributions } from '../modules/register';
import { demoOrigin as origin, demoPeople, type DemoPeople } from './demo-people';
import { demoDay, inOneCommit } from './demo-agenda';
import { seedDemoCoverNotes } from './demo-cover-notes';
import { seedDemoAssessments } from './demo-assessments';

/** Every amount in the demo register is made up; the arrangement's first document link says so on its page. */
const ILLUSTRATIVE = { title: 'Let op: alle bedragen in deze demo zijn illustratief', url: 'https://www.leidseregio.nl/' };

interface DemoParticipant {
	municipalityId: string;
	/** Exit cost in euros and the notice term in months (illustrative). */
	exitCost?: number;
	noticeMonths?: number;
}

interface DemoCollaboration {
	fields: Record<string, unknown>;
	participants: DemoParticipant[];
	outside: string[];
	/** The five's yearly total in euros for the last three years, split by inhabitants. */
	totals?: [number, number, number];
}

const all = (exitCost?: number, noticeMonths?: number) =>
	['leiden', 'leiderdorp', 'oegstgeest', 'voorschoten', 'zoeterwoude'].map((municipalityId) => ({ municipalityId, exitCost, noticeMonths }));

/** The arrangements the seeds name (Routekaart, Visie op samenwerking), with the social domain Voorschoten joins. */
function demoCollaborations(): DemoCollaboration[] {
	return [
		{
			fields: {
				name: 'Holland Rijnland',
				kind: 'gr',
				legalForm: 'openbaar_lichaam',
				steering: 'beleidsvoering',
				domain: 'Regionale samenwerking',
				ambitionIds: [1, 2, 3],
				startsOn: '2004-01-01',
				noticeTerm: 2,
				noticeUnit: 'jaren'
			},
			participants: all(1_250_000, 24),
			outside: ['Alphen aan den Rijn', 'Hillegom', 'Kaag en Braassem', 'Katwijk', 'Lisse', 'Nieuwkoop', 'Noordwijk', 'Teylingen'],
			totals: [5_400_000, 5_650_000, 5_900_000]
		},
		{
			fields: {
				name: 'Servicepunt71',
				kind: 'gr',
				legalForm: 'bedrijfsvoeringsorganisatie',
				steering: 'bedrijfsvoering',
				domain: 'Bedrijfsvoering',
				ambitionIds: [],
				leadMunicipalityId: 'leiden',
				startsOn: '2012-01-01',
				noticeTerm: 2,
				noticeUnit: 'jaren'
			},
			participants: all(2_000_000, 24).filter((p) => p.municipalityId !== 'voorschoten'),
			outside: [],
			totals: [21_000_000, 22_300_000, 23_100_000]
		},
		{
			fields: {
				name: 'Werkorganisatie Duivenvoorde',
				kind: 'gr',
				legalForm: 'bedrijfsvoeringsorganisatie',
				steering: 'bedrijfsvoering',
				domain: 'Bedrijfsvoering',
				ambitionIds: [],
				leadMunicipalityId: 'voorschoten',
				startsOn: '2016-01-01',
				noticeTerm: 2,
				noticeUnit: 'jaren'
			},
			participants: [{ municipalityId: 'voorschoten', exitCost: 3_500_000, noticeMonths: 24 }],
			outside: ['Wassenaar'],
			totals: [14_200_000, 14_800_000, 15_300_000]
		},
		{
			fields: {
				name: 'Sociaal domein Leidse regio (Wmo, jeugdhulp, werk en inkomen)',
				kind: 'gr',
				legalForm: 'centrumgemeente',
				steering: 'beleidsvoering',
				domain: 'Sociaal domein',
				ambitionIds: [5, 6],
				leadMunicipalityId: 'leiden',
				startsOn: '2021-01-01',
				noticeTerm: 1,
				noticeUnit: 'jaren'
			},
			participants: all(400_000, 12),
			outside: [],
			totals: [2_100_000, 2_600_000, 2_750_000]
		},
		{
			fields: {
				name: 'Economie071',
				kind: 'licht',
				steering: 'beleidsvoering',
				domain: 'Economie',
				ambitionIds: [2],
				leadMunicipalityId: 'leiden',
				startsOn: '2014-06-01'
			},
			participants: all(),
			outside: ['Katwijk', 'Noordwijk', 'Universiteit Leiden', 'Hogeschool Leiden', 'LUMC'],
			totals: [180_000, 185_000, 190_000]
		},
		{
			fields: {
				name: 'LAB071',
				kind: 'licht',
				steering: 'beleidsvoering',
				domain: 'Arbeidsmarkt',
				ambitionIds: [2, 6],
				startsOn: '2016-01-01',
				endsOn: '2027-12-31'
			},
			participants: all(),
			outside: ['Werkgeversservicepunt Holland Rijnland', 'ROC Leiden'],
			totals: [95_000, 95_000, 100_000]
		},
		{
			fields: {
				name: 'Regionale Omgevingsvisie Hart van Holland',
				kind: 'convenant',
				legalForm: 'convenant',
				steering: 'beleidsvoering',
				domain: 'Ruimte',
				ambitionIds: [1, 3, 4],
				startsOn: '2019-03-01'
			},
			participants: all(),
			outside: ['Katwijk'],
			totals: [60_000, 40_000, 40_000]
		}
	];
}

/**
 * The register of joint arrangements for a fresh demo database, through the register's own commands (so
 * audited): the arrangements with participants, exit costs and notice terms, three years of contributions,
 * board members who are also college or council members here (their *dubbele pet*), and a cycle with a
 * zienswijze deadline next month; a coming AB meeting with cover notes, and a completed evaluation scored by
 * three municipalities. Returns each arrangement's id by name.
 */
export async function seedDemoRegister(db: Db): Promise<Map<string, string>> {
	const ids = new Map<string, string>();
	await inOneCommit(db, async (tx) => {
		const who = await demoPeople(tx);
		if (!who || (await tx.select({ id: collaborations.id }).from(collaborations).limit(1)).length) return;
		for (const c of demoCollaborations()) ids.set(String(c.fields.name), await registerOne(tx, who, c));
		await seatBoards(tx, who, ids.get('Holland Rijnland')!);
		await seatBoards(tx, who, ids.get('Sociaal domein Leidse regio (Wmo, jeugdhulp, werk en inkomen)')!);
		await planCycle(tx, who, ids);
		await seedDemoCoverNotes(tx, who, ids);
		await seedDemoAssessments(tx, who, ids);
	});
	return ids;
}

async function registerOne(db: Db, who: DemoPeople, c: DemoCollaboration): Promise<string> {
	const v = who('verkenner');
	const { id } = await createCollaboration(db, v, { ...c.fields, documents: [ILLUSTRATIVE] }, origin);
	const municipalities = c.participants.map((p) => ({
		municipalityId: p.municipalityId,
		exitCostCents: p.exitCost === undefined ? null : p.exitCost * 100,
		noticeTerm: p.noticeMonths ?? null,
		noticeUnit: p.noticeMonths === undefined ? null : 'maanden'
	}));
	await setParticipants(db, v, { collaborationId: id, municipalities, outside: c.outside }, origin);
	const thisYear = Number(demoDay(0).slice(0, 4));
	for (const [i, total] of (c.totals ?? []).entries())
		await splitContributions(db, v, { collaborationId: id, year: thisYear - 2 + i, key: 'inwoners', totalCents: total * 100 }, origin);
	return id;
}

/** Each municipality's college member on the general board, Leiden's also on the daily board; its klankbordgroep member as rapporteur. */
async function seatBoards(db: Db, who: DemoPeople, collaborationId: string): Promise<void> {
	for (const m of ['leiden', 'leiderdorp', 'oegstgeest', 'voorschoten', 'zoeterwoude']) {
		const college = who(`college.${m}`);
		const council = who(`klankbord.${m}`);
		const seats = [{ board: 'ab', name: college.name, userId: college.userId, holderRole: 'college' }];
		if (m === 'leiden') seats.push({ board: 'db', name: college.name, userId: college.userId, holderRole: 'college' });
		await setSeats(
			db,
			who(`adviseur.${m}`),
			{ collaborationId, municipalityId: m, seats, rapporteurs: [{ name: council.name, userId: council.userId }] },
			origin
		);
	}
}

/** Begroting and kadernota with a zienswijze deadline next month per council, a jaarrekening, an evaluation. */
async function planCycle(db: Db, who: DemoPeople, ids: Map<string, string>): Promise<void> {
	const v = who('verkenner');
	const hr = ids.get('Holland Rijnland')!;
	await addMoment(db, v, { collaborationId: hr, kind: 'kadernota', on: demoDay(-40), note: 'Kadernota ontvangen; vroegtijdig aan de raden gestuurd.' }, origin);
	await addMoment(db, v, { collaborationId: hr, kind: 'begroting', on: demoDay(12), note: 'Ontwerpbegroting naar de raden.' }, origin);
	for (const [m, days] of [
		['leiden', 24],
		['leiderdorp', 26],
		['oegstgeest', 26],
		['voorschoten', 28],
		['zoeterwoude', 24]
	] as const)
		await addMoment(
			db,
			v,
			{ collaborationId: hr, kind: 'zienswijze', on: demoDay(days), municipalityId: m, note: 'Zienswijze op de ontwerpbegroting.' },
			origin
		);
	const sp = ids.get('Servicepunt71')!;
	await addMoment(db, v, { collaborationId: sp, kind: 'jaarrekening', on: demoDay(-30), note: 'Jaarrekening naar de raden.' }, origin);
	await addMoment(
		db,
		v,
		{ collaborationId: sp, kind: 'zienswijze', on: demoDay(-3), municipalityId: 'zoeterwoude', note: 'Zienswijze op de jaarrekening.' },
		origin
	);
	const social = ids.get('Sociaal domein Leidse regio (Wmo, jeugdhulp, werk en inkomen)')!;
	await addMoment(db, v, { collaborationId: social, kind: 'evaluatie', on: demoDay(90), note: 'Evaluatie na de aansluiting van Voorschoten.' }, origin);
}
