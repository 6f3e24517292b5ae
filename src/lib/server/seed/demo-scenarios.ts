import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { itemCriteria, itemScenarios } from '../db/schema';
import * as scenarios from '../modules/scenarios';
import { demoOrigin as origin, type DemoPeople } from './demo-people';

/**
 * The four scenarios of Voorschoten's letter on the social domain (the study by bureau Radar), in the
 * letter's order, with a description faithful to it. Costs are the extra costs against today: the letter's
 * one-off cost item (on the basis of a discounted yearly amount of € 98.000) belongs to the omklapping of
 * integraal samenwerken; the others are modest estimates of the same kind.
 */
const demoScenarios = [
	{
		title: 'Continuering huidige situatie',
		description:
			'De huidige samenwerkingen blijven behouden. Wmo, jeugd en participatie blijven versnipperd over twee regio’s, de Leidse en de Haagse, en ook aan de Leidse kant zijn de drie taken niet integraal en niet met telkens dezelfde partners belegd.',
		oneOffCents: 0,
		yearlyCents: 0
	},
	{
		title: 'Gedifferentieerd samenwerken',
		description:
			'Per deelterrein van het sociaal domein (Wmo, jeugd en participatie) kiest Voorschoten de samenwerking en de partners die het best passen. De taken worden niet integraal belegd: de toegang, de inkoop en het beleid blijven per taak geregeld.',
		oneOffCents: 4_000_000,
		yearlyCents: 1_500_000
	},
	{
		title: 'Integraal samenwerken',
		description: [
			'Het voorkeursscenario van bureau Radar, passend bij de wensen van het college. Onder integraal samenwerken verstaat Radar:',
			'• samenwerken ten aanzien van beleid en uitvoering van de wettelijke taken sociaal domein;',
			'• sturing, beleid en toezicht zijn gepositioneerd bij de gemeente Voorschoten;',
			'• uitvoering wordt geregeld door gezamenlijke (inter)gemeentelijke uitvoeringsverbanden of inkooprelaties met uitvoerders;',
			'• samenwerken op basis van integrale uitvoering van de taken in het sociaal domein en een bestuurlijke tafel waarin beleid, sturing en toezicht worden besproken;',
			'• de toegang is belegd in één sociaal team met de consulenten van de 3D voor Voorschoten, in de hele Leidse regio op dezelfde wijze vormgegeven.',
			'Eenmalige kosten: de kostenpost op basis van het contant gemaakte jaarlijkse bedrag van € 98.000.'
		].join('\n'),
		oneOffCents: 9_800_000,
		yearlyCents: 2_500_000
	},
	{
		title: 'Integraal samengaan',
		description:
			'De gemeenten gaan in het sociaal domein volledig samen: beleid, sturing, toezicht en uitvoering worden gezamenlijk belegd, met één beleid voor de hele Leidse regio. De hoogste mate van integraliteit, bestuurlijke integratie en beleidsharmonisatie, maar Voorschoten geeft daarmee ook invloed op.',
		oneOffCents: 20_000_000,
		yearlyCents: 3_000_000
	}
] as const;

/** The scenario the item proposes: the letter's choice. */
const PROPOSED_SCENARIO = 'Integraal samenwerken';

type Scored = [score: number, motivation: string];
/** Per scenario (in the order above) the scores on the three axes (integraliteit, bestuurlijke integratie, beleidsharmonisatie). */
type ScoreSet = [Scored, Scored, Scored][];

/**
 * Who weighed the scenarios, and how: Voorschoten's klankbordgroep member and college (shared with the public,
 * as Voorschoten's letter is public) clearly prefer integraal samenwerken; Leiden leans the same way with
 * less conviction; Oegstgeest prefers the lighter gedifferentieerd samenwerken, keeping its council's say.
 */
const demoScoreSets: { account: string; municipalityId: string; voice: 'klankbordgroep' | 'college'; sharedPublicly: boolean; scores: ScoreSet }[] = [
	{
		account: 'klankbord.voorschoten',
		municipalityId: 'voorschoten',
		voice: 'klankbordgroep',
		sharedPublicly: true,
		scores: [
			[
				[1, 'Wmo, jeugd en participatie blijven versnipperd over de Leidse en de Haagse regio.'],
				[2, 'Sturing blijft verdeeld over twee regio’s met telkens andere partners.'],
				[1, 'Het beleid blijft per regio en per taak verschillen.']
			],
			[
				[2, 'Per taak een andere partner: de inwoner houdt meerdere loketten.'],
				[3, 'Afspraken per taak, wel overzichtelijker dan nu.'],
				[3, 'Harmonisatie per taak, niet over het hele domein.']
			],
			[
				[5, 'Eén sociaal team voor de 3D: de brede blik bij de toegang die wij zoeken.'],
				[4, 'Een gezamenlijke bestuurlijke tafel, terwijl sturing, beleid en toezicht bij Voorschoten blijven.'],
				[5, 'Hetzelfde beleid en dezelfde uitvoering in de hele Leidse regio.']
			],
			[
				[4, 'Even integraal, maar een grotere overgang voor kwetsbare inwoners.'],
				[2, 'Voorschoten geeft te veel invloed op sturing en toezicht op.'],
				[4, 'Volledige harmonisatie, met minder ruimte voor eigen accenten.']
			]
		]
	},
	{
		account: 'klankbord.leiden',
		municipalityId: 'leiden',
		voice: 'klankbordgroep',
		sharedPublicly: false,
		scores: [
			[
				[2, 'Voorschoten blijft voor jeugd en Wmo deels in Haaglanden; de regio blijft verdeeld.'],
				[3, 'De bestaande tafels werken, maar zonder Voorschoten aan elke tafel.'],
				[2, 'Verschillen in beleid blijven aan de grens van de regio bestaan.']
			],
			[
				[3, 'Een stap vooruit, maar per taak.'],
				[4, 'Goed in te passen in de bestaande regionale afspraken.'],
				[3, 'Harmonisatie alleen waar de inkoop samen gebeurt.']
			],
			[
				[4, 'Eén toegang in de hele regio sluit aan bij de Leidse aanpak.'],
				[4, 'De bestuurlijke tafel werkt, mits besluiten ook regionaal doorwerken.'],
				[4, 'Zelfde beleid en uitvoering; de aanbesteding jeugdhulp is daarvoor het moment.']
			],
			[
				[4, 'Maximaal integraal, maar een grote reorganisatie.'],
				[2, 'Zware governance voor een opgave die ook samenwerkend kan.'],
				[3, 'Harmonisatie op termijn, niet in één stap.']
			]
		]
	},
	{
		account: 'klankbord.oegstgeest',
		municipalityId: 'oegstgeest',
		voice: 'klankbordgroep',
		sharedPublicly: false,
		scores: [
			[
				[2, 'Voor Oegstgeest verandert weinig, voor Voorschoten blijft het versnipperd.'],
				[4, 'Onze raad houdt de zeggenschap die hij nu heeft.'],
				[2, 'Geen stap naar gelijk beleid.']
			],
			[
				[4, 'Samenwerken waar het loont, per taak: dat past bij onze raad.'],
				[4, 'De raad houdt per taak zicht en zeggenschap.'],
				[3, 'Harmonisatie waar het nodig is, niet overal.']
			],
			[
				[3, 'Eén sociaal team is sterk, maar vraagt veel van onze lokale toegang.'],
				[2, 'Een gezamenlijke tafel beperkt de ruimte voor eigen keuzes.'],
				[4, 'Gelijk beleid is helder voor inwoners en aanbieders.']
			],
			[
				[2, 'Integraal, maar de lokale toegang verdwijnt.'],
				[1, 'De raad geeft te veel invloed op; zo ver wil Oegstgeest niet gaan.'],
				[3, 'Harmonisatie zonder ruimte voor lokale accenten.']
			]
		]
	},
	{
		account: 'college.voorschoten',
		municipalityId: 'voorschoten',
		voice: 'college',
		sharedPublicly: true,
		scores: [
			[
				[1, 'Geen integraliteit: de omklapping van het sociaal domein blijft uit.'],
				[2, 'Twee bestuurlijke tafels, in twee regio’s.'],
				[1, 'Het beleid blijft uiteenlopen.']
			],
			[
				[3, 'Beter dan nu, maar de toegang blijft per taak geregeld.'],
				[3, 'Per taak een eigen bestuurlijk overleg.'],
				[2, 'Weinig samenhang tussen Wmo, jeugd en participatie.']
			],
			[
				[5, 'Het voorkeursscenario van het college: één sociaal team voor alle decentralisaties.'],
				[4, 'Gezamenlijke uitvoering, terwijl het college zelf stuurt en toezicht houdt.'],
				[4, 'Gelijk beleid in de regio, afhankelijk van dezelfde ambitie van de vier andere gemeenten.']
			],
			[
				[4, 'Integraal, maar zwaarder dan nodig voor de meerwaarde voor inwoners.'],
				[1, 'Het college geeft de sturing op het sociaal domein uit handen.'],
				[4, 'Volledig gelijk beleid, ten koste van eigen keuzes.']
			]
		]
	}
];

/**
 * The social-domain item's scenarios, through the scenarios module's own commands: the verkenner adds the
 * four options of Voorschoten's letter, proposes integraal samenwerken and sets the study's three axes; the
 * klankbordgroep members of Voorschoten, Leiden and Oegstgeest and Voorschoten's college weigh them.
 * The options are signed content, so this is told while the item is still in bespreking (before the colleges
 * decide on it). An item that has scenarios already is left as it is.
 */
export async function seedDemoScenarios(db: Db, who: DemoPeople, itemId: string): Promise<void> {
	const existing = await db.select({ id: itemScenarios.id }).from(itemScenarios).where(eq(itemScenarios.itemId, itemId)).limit(1);
	if (existing.length) return;
	const verkenner = who('verkenner');
	const ids: string[] = [];
	for (const s of demoScenarios) ids.push((await scenarios.addScenario(db, verkenner, { itemId, ...s }, origin)).scenarioId);
	const proposed = ids[demoScenarios.findIndex((s) => s.title === PROPOSED_SCENARIO)];
	await scenarios.proposeScenario(db, verkenner, { itemId, scenarioId: proposed }, origin);
	await scenarios.setCriteria(db, verkenner, { itemId, preset: 'assen' }, origin);
	const criteria = await db
		.select({ id: itemCriteria.id })
		.from(itemCriteria)
		.where(and(eq(itemCriteria.itemId, itemId), isNull(itemCriteria.removedAt)))
		.orderBy(asc(itemCriteria.position));
	for (const set of demoScoreSets)
		for (const [i, scenarioId] of ids.entries())
			await scenarios.scoreScenario(
				db,
				who(set.account),
				{
					scenarioId,
					municipalityId: set.municipalityId,
					voice: set.voice,
					sharedPublicly: set.sharedPublicly,
					scores: set.scores[i].map(([score, motivation], c) => ({ criterionId: criteria[c].id, score, motivation }))
				},
				origin
			);
}
