import type { Highlights, HighlightsMinute } from '../../../src/lib/meetings/highlights';

const MUNICIPALITIES = ['Leiden', 'Leiderdorp', 'Oegstgeest', 'Voorschoten', 'Zoeterwoude'] as const;
const id = (name: string) => `m-${name.toLowerCase()}`;

function minute(kind: HighlightsMinute['kind'], body: string, extra: Partial<HighlightsMinute> = {}): HighlightsMinute {
	return {
		kind,
		body,
		ownerName: '',
		dueOn: null,
		municipalityName: null,
		createdByName: 'Marieke Verkenner',
		createdAt: '2025-03-11T19:00:00.000Z',
		...extra
	};
}

/** A paragraph long enough (about two pages) to force the report across pages. */
export const LONG_DISCUSSION = Array.from(
	{ length: 45 },
	(_, i) =>
		`Overweging ${i + 1}: de gemeenten bespreken hoe de warmtetransitie per wijk wordt gefaseerd, wat dat betekent voor de netcongestie en welke rol de regionale energiestrategie daarbij speelt.`
).join(' ');

/** A realistic session: five municipalities (Oegstgeest absent), three items, every minute kind, Dutch diacritics and €. */
export function highlightsFixture(): Highlights {
	return {
		meeting: {
			id: 'meeting-1',
			title: 'Sessie maart: wonen, groen & zorg',
			startsAt: '2025-03-11T18:30:00.000Z',
			endsAt: '2025-03-11T20:30:00.000Z',
			location: 'Stadhuis Leiden, Stadhuisplein 1',
			onlineUrl: 'https://meet.example.nl/klankbord-maart',
			chairName: 'Marieke Verkenner',
			startedAt: '2025-03-11T18:34:00.000Z',
			endedAt: '2025-03-11T20:41:00.000Z'
		},
		attendance: MUNICIPALITIES.map((name) => ({
			municipalityId: id(name),
			municipalityName: name,
			names: {
				Leiden: ['Anouk de Vries', 'Joëlle Bakker'],
				Leiderdorp: ['Chloë van Dijk'],
				Oegstgeest: [],
				Voorschoten: ['Noël Jansen'],
				Zoeterwoude: ['Eefje Ruïsdael']
			}[name]
		})),
		regionalAttendees: ['Marieke Verkenner'],
		items: [
			{
				itemId: 'item-wonen',
				position: 1,
				title: 'Regionale woningbouwversnelling',
				ambitionName: 'Wonen en groen: ambities voor wonen en groen',
				plannedMinutes: 30,
				spentSeconds: 1980,
				temperature: [
					{ municipalityId: id('Leiden'), municipalityName: 'Leiden', value: 'steunt', givenByName: 'Anouk de Vries' },
					{ municipalityId: id('Leiderdorp'), municipalityName: 'Leiderdorp', value: 'steunt_onder_voorwaarden', givenByName: 'Chloë van Dijk' },
					{ municipalityId: id('Voorschoten'), municipalityName: 'Voorschoten', value: 'bezwaar', givenByName: 'Noël Jansen' },
					{ municipalityId: id('Zoeterwoude'), municipalityName: 'Zoeterwoude', value: 'neutraal', givenByName: 'Eefje Ruïsdael' }
				],
				minutes: [
					minute('besproken', 'De bijdrage van € 2,50 per inwoner is besproken; Zoeterwoude vraagt om een evaluatie ná één jaar.'),
					minute('besluit', 'Het voorstel gaat in april naar de colleges ter ondertekening.'),
					minute('actiepunt', 'Kostenverdeling naar rato van inwoners uitwerken', { ownerName: 'Joëlle Bakker', dueOn: '2025-04-15' }),
					minute('vraag', 'Wil de raad de wensen en bedenkingen vóór de zomer meegeven?', { municipalityName: 'Leiden' }),
					minute('vraag', 'Hoe willen de raden over de voortgang geïnformeerd worden?')
				]
			},
			{
				itemId: 'item-energie',
				position: 2,
				title: 'Gezamenlijke aanpak energietransitie',
				ambitionName: 'Als welvarende kennisregio lopen we voorop in duurzaamheid',
				plannedMinutes: 45,
				spentSeconds: 2520,
				temperature: MUNICIPALITIES.map((name) => ({ municipalityId: id(name), municipalityName: name, value: 'steunt' as const, givenByName: 'Lid ' + name })),
				minutes: [
					minute('besproken', LONG_DISCUSSION),
					minute('besluit', 'De regionale energiestrategie wordt als kader gebruikt.'),
					minute('actiepunt', 'Warmtevisies van de vijf gemeenten naast elkaar leggen', { ownerName: 'Noël Jansen', dueOn: '2025-06-01' })
				]
			},
			{
				itemId: 'item-zorg',
				position: 3,
				title: 'Voorzieningen voor ouderen',
				ambitionName: 'Voorzieningen evolueren mee met de behoeften van inwoners in de regio',
				plannedMinutes: 15,
				spentSeconds: 0,
				temperature: [],
				minutes: [
					minute('besluit', 'Dit agendapunt schuift door naar de sessie van april.'),
					minute('vraag', 'Welke wachtlijsten voor dagbesteding kent Voorschoten?', { municipalityName: 'Voorschoten' })
				]
			}
		],
		general: [
			minute('besproken', 'De volgende sessie is op 8 april in Oegstgeest.'),
			minute('actiepunt', 'Verslag rondsturen aan alle griffies', { ownerName: 'Marieke Verkenner', dueOn: null }),
			minute('vraag', 'Kan de griffie van Zoeterwoude de agenda van de raadscommissie delen?', { municipalityName: 'Zoeterwoude' })
		],
		generatedAt: '2025-03-11T21:05:00.000Z'
	};
}
