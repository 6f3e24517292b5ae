import { randomUUID } from 'node:crypto';
import type { Db } from '../db';
import { postComment } from '../modules/comments';
import { setPosition } from '../modules/decisions';
import { setItemPublic } from '../modules/agenda-items';
import type { TextAnchor } from '../modules/collaboration';
import { demoOrigin as origin, type DemoPeople } from './demo-people';

/**
 * The positions on the housing item: four municipalities have spoken, Zoeterwoude's is still asked for.
 * Leiden and Leiderdorp share theirs with the public; Oegstgeest's and Voorschoten's stay in the portal.
 */
const positions = [
	{
		account: 'klankbord.leiden',
		municipalityId: 'leiden',
		position: 'steunt',
		reasons: 'Leiden kan de woningbouwopgave niet binnen de eigen grenzen realiseren; regionale afspraken zijn nodig om vaart te maken.',
		sharedPublicly: true
	},
	{
		account: 'klankbord.leiderdorp',
		municipalityId: 'leiderdorp',
		position: 'steunt_onder_voorwaarden',
		reasons: 'Leiderdorp bouwt graag mee, mits de groene kwaliteiten en de bereikbaarheid niet onder druk komen.',
		conditions: ['De groene buffer tussen Leiden en Leiderdorp blijft onbebouwd', 'Per locatie is de verkeersafwikkeling in beeld'],
		sharedPublicly: true
	},
	{
		account: 'klankbord.oegstgeest',
		municipalityId: 'oegstgeest',
		position: 'bezwaar',
		reasons:
			'Oegstgeest steunt meer woningen, maar niet in het groen tussen de kernen. Eerst de binnenstedelijke locaties en de transformatie van kantoren, dan pas nieuwe uitleglocaties.'
	},
	{
		account: 'klankbord.voorschoten',
		municipalityId: 'voorschoten',
		position: 'neutraal',
		reasons: 'De raad van Voorschoten wacht de regionale locatiekaart af voordat hij een standpunt inneemt.'
	}
];

/**
 * The discussion of the housing item, played by the demo accounts: positions of four municipalities and a
 * comment thread with shared and internal comments, replies, mentions, an anchored comment and stances.
 */
export async function seedDemoDiscussion(db: Db, who: DemoPeople, itemId: string, description: { anchor: (quote: string) => TextAnchor }) {
	// Residents may follow this proposal before it is adopted: the verkenner made it public.
	await setItemPublic(db, who('verkenner'), { itemId, public: true }, origin);
	for (const { account, ...position } of positions) await setPosition(db, who(account), { itemId, ...position }, origin);

	const post = async (account: string, comment: Record<string, unknown>) =>
		(await postComment(db, who(account), { id: randomUUID(), itemId, ...comment }, origin)).id;
	const mention = (account: string) => ({ kind: 'user' as const, id: who(account).userId });

	const numbers = await post('klankbord.leiden', {
		body: 'Dit aantal komt uit de provinciale woningbouwopgave. Kunnen we per gemeente laten zien welk deel van de opgave binnen de eigen grenzen past? Dan wordt de discussie over locaties een stuk concreter.',
		stance: 'voor',
		anchor: description.anchor('circa 10.000 extra woningen tot 2029')
	});
	await post('klankbord.leiderdorp', {
		parentId: numbers,
		body: 'Voor Leiderdorp ligt er een overzicht van de plancapaciteit tot 2030. Dat lever ik aan vóór de volgende klankbordgroepsessie.'
	});
	await post('verkenner', {
		parentId: numbers,
		body: `Goed voorstel. @${who('klankbord.zoeterwoude').name}, heeft Zoeterwoude een vergelijkbaar overzicht? Dan nemen we alle vijf de gemeenten mee op de locatiekaart.`,
		mentions: [mention('klankbord.zoeterwoude')]
	});

	const green = await post('klankbord.oegstgeest', {
		body: 'Oegstgeest is niet tegen meer woningen, wel tegen bouwen in het groen tussen Oegstgeest en Leiden. Laten we eerst de binnenstedelijke locaties en de leegstaande kantoren in beeld brengen.',
		stance: 'tegen'
	});
	await post('klankbord.leiden', {
		parentId: green,
		body: 'Dat is precies waarom de kaart regionaal moet zijn: dan zie je ook welke groene buffers we samen willen houden. Zullen we die als apart kaartlaag opnemen?'
	});
	await post('klankbord.voorschoten', {
		body: `Voorschoten wacht de locatiekaart af. Belangrijk voor onze raad: wat betekent de afspraak over aantallen voor de eigen woningbouwprogrammering? @${who('verkenner').name}, kan dat op de agenda van de volgende sessie?`,
		stance: 'neutraal',
		mentions: [mention('verkenner')]
	});
	await post('college.leiden', {
		body: `Intern: de wethouder wil dit punt vóór de begrotingsbehandeling in het college bespreken. @${who('klankbord.leiden').name}, kun je de reacties uit de klankbordgroep bundelen?`,
		visibility: 'internal',
		mentions: [mention('klankbord.leiden')]
	});
}
