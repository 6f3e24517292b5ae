import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { agendaItems } from '../db/schema';
import type { Actor } from '../permissions';
import type { Origin } from '../modules/audit';
import { attachCandidate, captureCandidate, createInterview, promoteCandidate, saveNotes } from '../modules/interviews';
import { todayInNl } from '../../validation/decisions';
import { workingDayFrom } from './dutch-calendar';

const origin: Origin = { ip: null, userAgent: 'demo-data' };

interface DemoCandidate {
	title: string;
	ambitionId: number;
	horizon: 'voor_verkiezingen' | 'na_verkiezingen';
	meerwaarde: string;
	interested: string[];
	/** Add to the demo item with this title, or make a new draft item of it. */
	to?: { item: string } | 'new';
}

interface DemoInterview {
	municipalityId: string;
	body: string;
	bodyOther?: string;
	/** Days from today (negative: held), always on a working day. */
	heldOn: number;
	participants: string[];
	visibility: 'klankbordgroep' | 'vertrouwelijk';
	notes: { heading?: string; paragraphs: string[]; bullets?: string[] };
	candidates: DemoCandidate[];
}

/** Conversations drawn from the source documents (Voorschoten's routekaart, the steering group letter, the social domain). */
const demoInterviews: DemoInterview[] = [
	{
		municipalityId: 'voorschoten',
		body: 'college',
		heldOn: -150,
		participants: ['Burgemeester', 'Wethouder sociaal domein', 'Gemeentesecretaris'],
		visibility: 'klankbordgroep',
		notes: {
			heading: 'Regiokeuze',
			paragraphs: [
				'Het coalitieakkoord is helder: Voorschoten blijft zelfstandig en verlegt de focus naar de Leidse regio. Het daily urban system is op Leiden gericht.',
				'Uitgangspunt bij het verleggen van samenwerkingen: de dienstverlening wordt niet duurder en de kwaliteit blijft minstens gelijk. Uittredingskosten en de gevolgen voor de WODV worden per samenwerking afgewogen.'
			],
			bullets: [
				'Sociaal domein (Wmo, jeugdhulp, werk en inkomen) als eerste van Haaglanden naar de Leidse regio',
				'Raad wil grip op de gemeenschappelijke regelingen'
			]
		},
		candidates: [
			{
				title: 'Overgang sociaal domein van Haaglanden naar de Leidse regio',
				ambitionId: 6,
				horizon: 'voor_verkiezingen',
				meerwaarde: 'Gezamenlijke inkoop jeugdhulp en Wmo met de Leidse regiogemeenten; één aanspreekpunt voor inwoners.',
				interested: ['voorschoten', 'leiden', 'leiderdorp'],
				to: { item: 'Sociaal domein: Voorschoten sluit aan bij de Leidse regio' }
			},
			{
				title: 'Dashboard gemeenschappelijke regelingen',
				ambitionId: 7,
				horizon: 'na_verkiezingen',
				meerwaarde: 'Raden zien twee keer per jaar per regeling de kosten, de opzegtermijn, de uittredingskosten en de komende besluitmomenten.',
				interested: ['voorschoten', 'oegstgeest']
			}
		]
	},
	{
		municipalityId: 'leiden',
		body: 'directieteam',
		heldOn: -140,
		participants: ['Gemeentesecretaris', 'Directeur stedelijke ontwikkeling', 'Concernstrateeg'],
		visibility: 'klankbordgroep',
		notes: {
			paragraphs: [
				'Leiden heeft tot 2029 ongeveer 10.000 extra woningen nodig en zoekt de locaties mede in de regio.',
				'De universiteit en de Kennisstad vragen om studenten- en expathuisvesting en om ruimte voor campusontwikkeling.'
			]
		},
		candidates: [
			{
				title: 'Regionale woningbouwafspraken tot 2029',
				ambitionId: 1,
				horizon: 'voor_verkiezingen',
				meerwaarde: 'Samen locaties kiezen voorkomt dat gemeenten elkaar beconcurreren om dezelfde ontwikkelaars.',
				interested: ['leiden', 'leiderdorp', 'oegstgeest', 'voorschoten', 'zoeterwoude'],
				to: { item: 'Versnelling woningbouw in de Leidse regio' }
			},
			{
				title: 'Campusontwikkeling Kennisstad',
				ambitionId: 2,
				horizon: 'na_verkiezingen',
				meerwaarde: 'Bio Science Park en binnenstad als één regionale opgave.',
				interested: ['leiden', 'oegstgeest']
			}
		]
	},
	{
		municipalityId: 'leiderdorp',
		body: 'overig',
		bodyOther: 'Overleg Economie071',
		heldOn: -120,
		participants: ['Portefeuillehouder economie', 'Programmamanager Economie071'],
		visibility: 'klankbordgroep',
		notes: { paragraphs: ['Economie071 en LAB071 werken goed als lichte samenwerking; verbreden naar innovatie in het mkb ligt voor de hand.'] },
		candidates: [
			{
				title: 'LAB071 innovatieprogramma voor het mkb',
				ambitionId: 2,
				horizon: 'voor_verkiezingen',
				meerwaarde:
					'Eén regionaal loket voor innovatie in plaats van vijf kleine regelingen. Ondernemers hoeven niet meer per gemeente uit te zoeken waar ze terechtkunnen, en de gemeenten bundelen hun budget en kennis in één programma.',
				interested: ['leiderdorp', 'leiden', 'zoeterwoude'],
				to: 'new'
			}
		]
	},
	{
		municipalityId: 'zoeterwoude',
		body: 'portefeuillehouder',
		heldOn: -110,
		participants: ['Wethouder ruimte en duurzaamheid'],
		visibility: 'vertrouwelijk',
		notes: {
			paragraphs: ['De energietransitie vraagt ruimte in de hele regio. Gevoelig: mogelijke zoekgebieden langs de A4 zijn nog niet met de raad besproken.']
		},
		candidates: [
			{
				title: 'Zoekgebieden zon en wind langs de A4',
				ambitionId: 4,
				horizon: 'na_verkiezingen',
				meerwaarde: 'De opgave is groter dan één gemeente; samen kiezen spreidt de lasten.',
				interested: ['zoeterwoude', 'leiderdorp']
			}
		]
	},
	{
		municipalityId: 'oegstgeest',
		body: 'gemeenteraad',
		heldOn: 21,
		participants: ['Raadsleden van alle fracties', 'Griffier'],
		visibility: 'klankbordgroep',
		notes: { paragraphs: [] },
		candidates: []
	}
];

/** The editor's document for a few paragraphs and a list, as the notes editor would send it. */
function notesDoc(n: DemoInterview['notes']) {
	const text = (t: string) => [{ type: 'text', text: t }];
	return {
		type: 'doc',
		content: [
			...(n.heading ? [{ type: 'heading', attrs: { level: 2 }, content: text(n.heading) }] : []),
			...n.paragraphs.map((p) => ({ type: 'paragraph', content: text(p) })),
			...(n.bullets?.length
				? [{ type: 'bulletList', content: n.bullets.map((b) => ({ type: 'listItem', content: [{ type: 'paragraph', content: text(b) }] })) }]
				: [])
		]
	};
}

/** Fills the inventory of a fresh demo database through the same use cases the verkenner uses (so audited too). */
export async function seedDemoInterviews(db: Db, verkenner: Actor): Promise<void> {
	for (const iv of demoInterviews) {
		const heldOn = workingDayFrom(todayInNl(), iv.heldOn);
		const { id } = await createInterview(db, verkenner, { ...iv, heldOn, bodyOther: iv.bodyOther ?? '' }, origin);
		if (iv.notes.paragraphs.length) await saveNotes(db, verkenner, { interviewId: id, baseRevision: 0, doc: notesDoc(iv.notes) }, origin);
		for (const c of iv.candidates) {
			const candidateId = randomUUID();
			await captureCandidate(db, verkenner, { id: candidateId, interviewId: id, ...c }, origin);
			if (c.to === 'new') await promoteCandidate(db, verkenner, { candidateId }, origin);
			else if (c.to) {
				const [item] = await db.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.title, c.to.item));
				if (item) await attachCandidate(db, verkenner, { candidateId, itemId: item.id }, origin);
			}
		}
	}
}
