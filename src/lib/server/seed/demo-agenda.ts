import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { users } from '../db/schema';
import { createItem, transitionItem, updateItemFields } from '../modules/agenda-items';
import { loadActor } from '../modules/users';
import type { Origin } from '../modules/audit';
import { DEMO_DOMAIN } from './demo-accounts';
import { seedDemoInterviews } from './demo-interviews';

const all = ['leiden', 'leiderdorp', 'oegstgeest', 'voorschoten', 'zoeterwoude'];
const origin: Origin = { ip: null, userAgent: 'demo-data' };

interface DemoItem {
	ambitionId: number;
	title: string;
	summary: string;
	horizon: 'voor_verkiezingen' | 'na_verkiezingen';
	trekkerId: string;
	fields: Record<string, unknown>;
	status?: 'in_bespreking';
}

/** Activities drawn from the source documents, so the demo shows the region's own agenda. */
const demoItems: DemoItem[] = [
	{
		ambitionId: 1,
		title: 'Versnelling woningbouw in de Leidse regio',
		summary: 'Leiden heeft tot 2029 ongeveer 10.000 extra woningen nodig; de regio zoekt samen locaties en versnelt procedures.',
		horizon: 'voor_verkiezingen',
		trekkerId: 'leiden',
		fields: {
			participants: all.map((municipalityId) => ({ municipalityId })),
			costEstimateCents: 25_000_000,
			verdeelsleutel: 'inwoners',
			startDate: '2026-01-01',
			endDate: '2027-12-31',
			milestones: [
				{ title: 'Regionale locatiekaart gereed', dueDate: '2026-06-30', done: false },
				{ title: 'Afspraken per gemeente vastgelegd', dueDate: '2027-03-31', done: false }
			],
			tags: ['wonen', 'woningbouw']
		},
		status: 'in_bespreking'
	},
	{
		ambitionId: 1,
		title: 'Studenten- en expathuisvesting voor de Kennisstad',
		summary: 'De universiteit en de Kennisstad vragen om studenten- en expatwoningen en campusontwikkeling.',
		horizon: 'na_verkiezingen',
		trekkerId: 'leiden',
		fields: { participants: ['leiden', 'oegstgeest', 'leiderdorp'].map((municipalityId) => ({ municipalityId })), tags: ['wonen', 'kennisstad'] }
	},
	{
		ambitionId: 2,
		title: 'Economie071 en LAB071 voortzetten',
		summary: 'De lichte samenwerkingen Economie071 en LAB071 krijgen een vervolg met een gezamenlijk werkprogramma.',
		horizon: 'voor_verkiezingen',
		trekkerId: 'leiden',
		fields: {
			participants: all.map((municipalityId) => ({ municipalityId })),
			costEstimateCents: 12_000_000,
			verdeelsleutel: 'gelijk',
			contributions: [{ label: 'Provincie Zuid-Holland', amountCents: 2_000_000 }],
			tags: ['economie']
		},
		status: 'in_bespreking'
	},
	{
		ambitionId: 3,
		title: 'Regionale Omgevingsvisie Hart van Holland: bereikbaarheid',
		summary: 'Uitwerking van de bereikbaarheidsopgave uit de Regionale Omgevingsvisie Hart van Holland.',
		horizon: 'na_verkiezingen',
		trekkerId: 'leiderdorp',
		fields: { participants: all.map((municipalityId) => ({ municipalityId })), tags: ['mobiliteit'] }
	},
	{
		ambitionId: 4,
		title: 'Ruimte voor de energietransitie',
		summary: 'De energietransitie vraagt ruimte in de hele regio: samen zoekgebieden bepalen en afspraken maken.',
		horizon: 'voor_verkiezingen',
		trekkerId: 'zoeterwoude',
		fields: {
			participants: all.map((municipalityId) => ({ municipalityId })),
			costEstimateCents: 40_000_000,
			verdeelsleutel: 'inwoners',
			contributions: [{ label: 'Provincie Zuid-Holland', amountCents: 10_000_000 }],
			tags: ['energie', 'duurzaamheid']
		}
	},
	{
		ambitionId: 6,
		title: 'Sociaal domein: Voorschoten sluit aan bij de Leidse regio',
		summary: 'Voorschoten verplaatst de samenwerking in Wmo, jeugdhulp en werk en inkomen van Haaglanden naar de Leidse regio.',
		horizon: 'voor_verkiezingen',
		trekkerId: 'voorschoten',
		fields: {
			participants: all.map((municipalityId) => ({ municipalityId })),
			milestones: [
				{ title: 'Publicatie aanbesteding jeugdhulp', dueDate: '2020-02-28', done: true },
				{ title: 'Contractering jeugdhulp', dueDate: '2021-01-01', done: true },
				{ title: 'Aanbesteding Wmo', dueDate: '2022-06-30', done: false }
			],
			links: [{ title: 'Brief sociaal domein Voorschoten', url: 'https://www.voorschoten.nl/', kenmerk: 'Z/17/455361' }],
			tags: ['jeugdhulp', 'wmo']
		},
		status: 'in_bespreking'
	},
	{
		ambitionId: 7,
		title: 'Regionale voorzieningenkaart',
		summary: 'Welke voorzieningen deelt de regio, en waar groeit de vraag? Een gezamenlijke kaart als basis voor keuzes.',
		horizon: 'na_verkiezingen',
		trekkerId: 'oegstgeest',
		fields: { participants: ['oegstgeest', 'leiderdorp', 'zoeterwoude'].map((municipalityId) => ({ municipalityId })) }
	}
];

/** Fills the agenda of a fresh demo database, through the same use cases people use (so audited too). */
export async function seedDemoAgenda(db: Db): Promise<void> {
	const [verkenner] = await db
		.select()
		.from(users)
		.where(eq(users.email, `verkenner@${DEMO_DOMAIN}`));
	if (!verkenner) return;
	const actor = await loadActor(db, verkenner);
	for (const item of demoItems) {
		const { id } = await createItem(db, actor, item, origin);
		await updateItemFields(db, actor, { itemId: id, revision: 1, ...item.fields }, origin);
		if (item.status) await transitionItem(db, actor, { itemId: id, from: 'concept', to: item.status }, origin);
	}
	// ---- interviews: they link to the items above ----
	await seedDemoInterviews(db, actor);
}
