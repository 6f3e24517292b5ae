/**
 * The demo uitvoeringsagenda: activities drawn from the source documents (the Leiden letter on the
 * regioraad, Voorschoten's routekaart and social-domain letter, the steering group's letter, Voorschoten's
 * vision on cooperation), with their texts, planning and costs. Dates are given as working days from
 * today (`on`), so the demo stays current and never plans anything on a weekend or public holiday.
 */

export const all = ['leiden', 'leiderdorp', 'oegstgeest', 'voorschoten', 'zoeterwoude'];

/** Where a demo item ends up (the story steps in demo-story.ts take it there through the real commands). */
export type DemoStage = 'concept' | 'in_bespreking' | 'gereed_voor_besluitvorming' | 'vastgesteld' | 'in_uitvoering';

export interface DemoItem {
	ambitionId: number;
	title: string;
	summary: string;
	horizon: 'voor_verkiezingen' | 'na_verkiezingen';
	trekkerId: string;
	/** HTML of the Beschrijving and the Regionale meerwaarde, as the editor stores them. */
	description: string;
	meerwaarde: string;
	fields: Record<string, unknown>;
	stage: DemoStage;
}

const p = (...paragraphs: string[]) => paragraphs.map((t) => `<p>${t}</p>`).join('');
const ul = (...items: string[]) => `<ul>${items.map((t) => `<li><p>${t}</p></li>`).join('')}</ul>`;
const taking = (...ids: string[]) => ids.map((municipalityId) => ({ municipalityId }));

/** The demo items; `on(days)` is the working day that many calendar days from today (negative: past). */
export function demoItems(on: (days: number) => string): DemoItem[] {
	return [
		{
			ambitionId: 1,
			title: 'Versnelling woningbouw in de Leidse regio',
			summary: 'Leiden heeft tot 2029 ongeveer 10.000 extra woningen nodig; de regio zoekt samen locaties en versnelt procedures.',
			horizon: 'voor_verkiezingen',
			trekkerId: 'leiden',
			description:
				p(
					'Uit de provinciale woningbouwopgave blijkt dat in Leiden behoefte is aan circa 10.000 extra woningen tot 2029, een derde van de behoefte in heel Hart van Holland. Ondertussen neemt de druk op de woningmarkt toe, met prijsopdrijvende effecten voor starters, studenten en ouderen in alle vijf gemeenten.',
					'Binnenstedelijke verdichting is een opgave voor de hele regio als we de groene kwaliteiten willen beschermen. Deze activiteit brengt de locaties van de vijf gemeenten samen op één regionale locatiekaart en maakt per gemeente afspraken over aantallen, doelgroepen en fasering.'
				) +
				ul(
					'een regionale locatiekaart met de harde en zachte plancapaciteit',
					'gezamenlijke afspraken met corporaties en ontwikkelaars over doorlooptijden',
					'één regionaal aanspreekpunt richting de provincie Zuid-Holland'
				),
			meerwaarde: p(
				'Samen locaties kiezen voorkomt dat de gemeenten elkaar beconcurreren om dezelfde ontwikkelaars en dezelfde schaarse ruimte. De woningmarkt houdt niet op bij de gemeentegrens: wie in Leiden geen woning vindt, zoekt in Leiderdorp, Oegstgeest of Voorschoten.',
				'Met één regionale kaart staat de regio sterker in het gesprek met de provincie over de verdeling van de woningbouwopgave, en blijven de groene buffers tussen de kernen behouden.'
			),
			fields: {
				participants: taking(...all),
				costEstimateCents: 25_000_000,
				verdeelsleutel: 'inwoners',
				startDate: on(14),
				endDate: on(540),
				milestones: [
					{ title: 'Regionale locatiekaart gereed', dueDate: on(120), done: false },
					{ title: 'Afspraken per gemeente vastgelegd', dueDate: on(300), done: false }
				],
				tags: ['wonen', 'woningbouw']
			},
			stage: 'in_bespreking'
		},
		{
			ambitionId: 1,
			title: 'Studenten- en expathuisvesting voor de Kennisstad',
			summary: 'De universiteit en de Kennisstad vragen om studenten- en expatwoningen en campusontwikkeling.',
			horizon: 'na_verkiezingen',
			trekkerId: 'leiden',
			description: p(
				'De universiteit, het LUMC en de bedrijven op het Bio Science Park trekken studenten, internationale studenten, expats en kenniswerkers aan. Voor hen is er te weinig passende huisvesting, en de campusontwikkeling vraagt om ruimte die Leiden niet alleen heeft.',
				'Deze activiteit verkent samen met de kennisinstellingen hoeveel studenten- en expatwoningen nodig zijn, waar ze kunnen komen en hoe de regio de campusontwikkeling faciliteert.'
			),
			meerwaarde: p(
				'De hoge woonaantrekkelijkheid van Oegstgeest en Voorschoten hangt nauw samen met de voorzieningen van het kenniscomplex in Leiden. Door de huisvesting samen op te pakken, delen de gemeenten in de baten van de Kennisstad en verdelen zij de druk op de woningmarkt.'
			),
			fields: { participants: taking('leiden', 'oegstgeest', 'leiderdorp'), tags: ['wonen', 'kennisstad'] },
			stage: 'concept'
		},
		{
			ambitionId: 2,
			title: 'Economie071 en LAB071 voortzetten',
			summary: 'De lichte samenwerkingen Economie071 en LAB071 krijgen een vervolg met een gezamenlijk werkprogramma.',
			horizon: 'voor_verkiezingen',
			trekkerId: 'leiden',
			description: p(
				'Economie071 en LAB071 worden vaak genoemd als succesvolle lichte samenwerking in de Leidse regio. Het succes is voor een deel te danken aan de bijdrage die Leiden in geld en menskracht levert aan de ontwikkeling en voorbereiding.',
				'Deze activiteit zet beide samenwerkingen voort met een gezamenlijk werkprogramma, waarin de vijf gemeenten ook de voorbereidingskosten naar rato dragen en het mkb en de kennisinstellingen een vaste plek krijgen.'
			),
			meerwaarde: p(
				'Eén regionaal economisch programma is voor ondernemers herkenbaarder dan vijf gemeentelijke regelingen. Door de kosten van de voorbereiding te delen, wordt de samenwerking gelijkwaardiger en minder afhankelijk van één gemeente.'
			),
			fields: {
				participants: taking(...all),
				costEstimateCents: 12_000_000,
				verdeelsleutel: 'gelijk',
				contributions: [{ label: 'Provincie Zuid-Holland', amountCents: 2_000_000 }],
				startDate: on(30),
				endDate: on(395),
				tags: ['economie']
			},
			stage: 'in_bespreking'
		},
		{
			ambitionId: 3,
			title: 'Regionale Omgevingsvisie Hart van Holland: bereikbaarheid',
			summary: 'Uitwerking van de bereikbaarheidsopgave uit de Regionale Omgevingsvisie Hart van Holland.',
			horizon: 'na_verkiezingen',
			trekkerId: 'leiderdorp',
			description: p(
				'De Regionale Omgevingsvisie Hart van Holland beschrijft hoe de regio bereikbaar en veilig blijft terwijl er woningen en banen bijkomen. De bereikbaarheidsopgave raakt alle vijf gemeenten: de ontsluiting van nieuwe woonlocaties, fietsverbindingen tussen de kernen en het openbaar vervoer naar het Bio Science Park.',
				'Deze activiteit werkt de opgave uit in een regionaal uitvoeringsprogramma met een prioritering van projecten en een voorstel voor de verdeling van de kosten.'
			),
			meerwaarde: p(
				'Verkeer houdt zich niet aan gemeentegrenzen. Door de projecten regionaal te prioriteren, voorkomen de gemeenten dat een oplossing in de ene gemeente het probleem naar de buurgemeente verplaatst, en staan zij samen sterker bij provincie en Rijk.'
			),
			fields: {
				participants: taking(...all),
				costEstimateCents: 6_000_000,
				verdeelsleutel: 'inwoners',
				startDate: on(-120),
				endDate: on(240),
				milestones: [
					{ title: 'Prioritering van de projecten gereed', dueDate: on(60), done: false },
					{ title: 'Eerste regionale fietsverbindingen aanbesteed', dueDate: on(180), done: false }
				],
				tags: ['mobiliteit']
			},
			stage: 'vastgesteld'
		},
		{
			ambitionId: 4,
			title: 'Ruimte voor de energietransitie',
			summary: 'De energietransitie vraagt ruimte in de hele regio: samen zoekgebieden bepalen en afspraken maken.',
			horizon: 'voor_verkiezingen',
			trekkerId: 'zoeterwoude',
			description: p(
				'Als één ding duidelijk is geworden uit de verkenningen voor de energietransitie, is het wel het grote ruimtebeslag dat energieneutraliteit op de regio legt. Zon- en windenergie, warmtenetten en de verzwaring van het elektriciteitsnet vragen om ruimte die geen gemeente alleen kan bieden.',
				'Deze activiteit bepaalt samen de zoekgebieden voor duurzame opwek en legt vast hoe de lusten en lasten tussen de gemeenten worden verdeeld.'
			),
			meerwaarde: p(
				'De energietransitie vraagt gezamenlijke investeringen, verevening van kosten en baten en een koers die lang wordt vastgehouden. Samen kiezen spreidt de lasten: de gemeente met de ruimte draagt niet alleen de gevolgen van een opgave die de hele regio aangaat.'
			),
			fields: {
				participants: taking('leiden', 'leiderdorp', 'zoeterwoude'),
				costEstimateCents: 40_000_000,
				verdeelsleutel: 'inwoners',
				contributions: [{ label: 'Provincie Zuid-Holland', amountCents: 10_000_000 }],
				startDate: on(45),
				endDate: on(730),
				milestones: [{ title: 'Zoekgebieden zon en wind vastgesteld', dueDate: on(180), done: false }],
				tags: ['energie', 'duurzaamheid']
			},
			stage: 'gereed_voor_besluitvorming'
		},
		{
			ambitionId: 6,
			title: 'Sociaal domein: Voorschoten sluit aan bij de Leidse regio',
			summary: 'Voorschoten verplaatst de samenwerking in Wmo, jeugdhulp en werk en inkomen van Haaglanden naar de Leidse regio.',
			horizon: 'voor_verkiezingen',
			trekkerId: 'voorschoten',
			description:
				p(
					'Het sociaal domein van Voorschoten (Wmo, jeugd en participatie) is nu versnipperd over twee regio’s: de Leidse en de Haagse. Bureau Radar onderzocht vier scenario’s en het college koos voor integraal samenwerken in de Leidse regio, de zogeheten omklapping van het sociaal domein.',
					'Per beleidsterrein komt er een stappenplan. Voorschoten doet mee met de aanbesteding van de jeugdhulp en de inkoop van de Wmo in de Leidse regio; voor de ambtelijke inzet in de overgangsperiode is extra capaciteit nodig.'
				) +
				ul(
					'Jeugdhulp: aanbesteding en contractering samen met de Leidse regio',
					'Wmo: inkoop begeleiding en dagbesteding',
					'Werk en inkomen: overgang na afloop van de huidige afspraken'
				),
			meerwaarde: p(
				'Integraal samenwerken met dezelfde partners geeft de meeste kans op efficiency en een bredere blik bij de toegang: één sociaal team, in de hele Leidse regio op dezelfde manier vormgegeven. Voor inwoners betekent dat één aanspreekpunt en gelijke kwaliteit, zonder dat de dienstverlening duurder wordt.'
			),
			fields: {
				participants: taking(...all),
				costEstimateCents: 9_000_000,
				// The extra capacity for the transition is Voorschoten's own (from its budget for the coalition agreement).
				verdeelsleutel: 'maatwerk',
				shares: all.map((municipalityId) => ({ municipalityId, customShareBp: municipalityId === 'voorschoten' ? 10_000 : 0 })),
				startDate: on(-240),
				endDate: on(365),
				milestones: [
					{ title: 'Besluit over de samenwerkingsvorm per beleidsterrein', dueDate: on(-180), done: false },
					{ title: 'Publicatie aanbesteding jeugdhulp', dueDate: on(-60), done: false },
					{ title: 'Contractering jeugdhulp', dueDate: on(90), done: false },
					{ title: 'Inkoop Wmo begeleiding en dagbesteding afgerond', dueDate: on(270), done: false }
				],
				links: [{ title: 'Brief sociaal domein Voorschoten', url: 'https://www.voorschoten.nl/', kenmerk: 'Z/17/455361' }],
				tags: ['jeugdhulp', 'wmo']
			},
			stage: 'in_uitvoering'
		},
		{
			ambitionId: 7,
			title: 'Regionale voorzieningenkaart',
			summary: 'Welke voorzieningen deelt de regio, en waar groeit de vraag? Een gezamenlijke kaart als basis voor keuzes.',
			horizon: 'na_verkiezingen',
			trekkerId: 'oegstgeest',
			description: p(
				'Inwoners gebruiken voorzieningen over de gemeentegrenzen heen: zwembaden, bibliotheken, sportvelden, theaters en zorg. Niemand heeft nu een overzicht van wat er is, wie het betaalt en waar de vraag groeit door de woningbouw en de vergrijzing.',
				'Deze activiteit brengt de voorzieningen van Oegstgeest, Leiderdorp en Zoeterwoude in kaart, met bezoekcijfers, kosten en verwachte vraag, als basis voor gezamenlijke keuzes.'
			),
			meerwaarde: p(
				'Met één kaart kunnen de gemeenten voorkomen dat ze dezelfde voorziening naast elkaar bouwen, en zien ze waar een gedeelde voorziening meer oplevert dan twee halve. Zo evolueren de voorzieningen mee met de behoeften van inwoners in de hele regio.'
			),
			fields: { participants: taking('oegstgeest', 'leiderdorp', 'zoeterwoude') },
			stage: 'concept'
		}
	];
}
