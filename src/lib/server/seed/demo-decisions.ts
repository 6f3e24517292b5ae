import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { agendaItems } from '../db/schema';
import type { AuthSession } from '../auth/auth-session';
import { transitionItem, updateItemFields } from '../modules/agenda-items';
import { frozenVersion, recordCouncilDecision, recordSignOff, reportProgress, setPosition } from '../modules/decisions';
import { demoOrigin as origin, type DemoPeople } from './demo-people';

/**
 * The decision-making of the demo items, through the decisions module's commands. A college decision needs a
 * second factor confirmed minutes ago: the demo's college members stand for decisions taken in their
 * college meeting, recorded with their step-up just confirmed (as the integration tests drive the command).
 */
const confirmedJustNow = (): AuthSession => ({ twoFactorVerifiedAt: new Date() }) as AuthSession;

interface Round {
	itemId: string;
	/** The working day of the college meetings, and the decisions per municipality. */
	meetingDate: string;
	decisions: { municipalityId: string; decision: 'akkoord' | 'akkoord_onder_voorwaarden'; conditions?: string[] }[];
}

/** The verkenner puts the item up for decision; the colleges named record their decisions on the frozen version. */
export async function decide(db: Db, who: DemoPeople, round: Round): Promise<void> {
	await transitionItem(db, who('verkenner'), { itemId: round.itemId, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' }, origin);
	const frozen = await frozenVersion(db, round.itemId);
	if (!frozen) throw new Error('demo data: no frozen version');
	for (const d of round.decisions) {
		await recordSignOff(
			db,
			who(`college.${d.municipalityId}`),
			confirmedJustNow(),
			{
				itemId: round.itemId,
				municipalityId: d.municipalityId,
				versionNumber: frozen.number,
				contentHash: frozen.contentHash,
				decision: d.decision,
				conditions: d.conditions ?? [],
				meetingDate: round.meetingDate,
				kenmerk: `BW/${round.meetingDate.slice(2, 4)}/${d.municipalityId.slice(0, 3).toUpperCase()}-${frozen.number}`
			},
			origin
		);
	}
}

const akkoord = (...ids: string[]) => ids.map((municipalityId) => ({ municipalityId, decision: 'akkoord' as const }));

/** Energy: up for decision, two of the three colleges have decided, Leiden's is awaited. */
export async function seedAwaitingDecision(db: Db, who: DemoPeople, itemId: string, on: (days: number) => string) {
	for (const [m, position] of [
		['zoeterwoude', 'steunt'],
		['leiderdorp', 'steunt'],
		['leiden', 'neutraal']
	] as const)
		await setPosition(db, who(`klankbord.${m}`), { itemId, municipalityId: m, position }, origin);
	await decide(db, who, {
		itemId,
		meetingDate: on(-2),
		decisions: [
			...akkoord('zoeterwoude'),
			{
				municipalityId: 'leiderdorp',
				decision: 'akkoord_onder_voorwaarden',
				conditions: ['De zoekgebieden worden eerst met de gemeenteraad besproken', 'Inwoners rond de zoekgebieden worden vroeg betrokken']
			}
		]
	});
}

/** Accessibility: adopted by all five colleges; Leiderdorp's council has given its wishes and concerns. */
export async function seedAdopted(db: Db, who: DemoPeople, itemId: string, on: (days: number) => string) {
	await decide(db, who, { itemId, meetingDate: on(-21), decisions: akkoord('leiden', 'leiderdorp', 'oegstgeest', 'voorschoten', 'zoeterwoude') });
	await recordCouncilDecision(
		db,
		who('griffie.leiderdorp'),
		{
			itemId,
			municipalityId: 'leiderdorp',
			meetingDate: on(-7),
			outcome: 'wensen_en_bedenkingen',
			wensenEnBedenkingen:
				'De raad vraagt de fietsverbinding tussen Leiderdorp en het Bio Science Park voorrang te geven en jaarlijks te rapporteren over de voortgang van het uitvoeringsprogramma.',
			kenmerk: `RB/${on(-7).slice(2, 4)}/LDP-014`
		},
		origin
	);
}

/** The social domain: adopted, every council agreed, now in uitvoering with two milestones behind it. */
export async function seedInProgress(db: Db, who: DemoPeople, itemId: string, on: (days: number) => string, milestones: { title: string; dueDate: string }[]) {
	const five = ['leiden', 'leiderdorp', 'oegstgeest', 'voorschoten', 'zoeterwoude'];
	await decide(db, who, { itemId, meetingDate: on(-200), decisions: akkoord(...five) });
	for (const m of five)
		await recordCouncilDecision(
			db,
			who(`griffie.${m}`),
			{ itemId, municipalityId: m, meetingDate: on(-185), outcome: 'ingestemd', kenmerk: `RB/${on(-185).slice(2, 4)}/${m.slice(0, 3).toUpperCase()}-031` },
			origin
		);
	await transitionItem(db, who('verkenner'), { itemId, from: 'vastgesteld', to: 'in_uitvoering' }, origin);
	// Implementation data stays editable after adoption: the milestones behind us are marked done.
	await markMilestonesDone(db, who, itemId, milestones, 2);
	await reportProgress(
		db,
		who('verkenner'),
		{
			itemId,
			percent: 35,
			note: 'Het besluit over de samenwerkingsvorm is genomen en de aanbesteding jeugdhulp is gepubliceerd; de contractering loopt volgens planning.'
		},
		origin
	);
}

/** Marks the first `count` milestones of an item done, as the milestone editor does. */
async function markMilestonesDone(db: Db, who: DemoPeople, itemId: string, milestones: { title: string; dueDate: string }[], count: number) {
	const [row] = await db.select({ revision: agendaItems.revision }).from(agendaItems).where(eq(agendaItems.id, itemId));
	await updateItemFields(db, who('verkenner'), { itemId, revision: row.revision, milestones: milestones.map((m, i) => ({ ...m, done: i < count })) }, origin);
}
