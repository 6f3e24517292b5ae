import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { agendaItems } from '../db/schema';
import { createItem, transitionItem, updateItemFields } from '../modules/agenda-items';
import { writeInitialText } from '../modules/collaboration';
import { todayInNl } from '../../validation/decisions';
import { demoItems, type DemoItem } from './demo-items';
import { demoOrigin as origin, demoPeople, type DemoPeople } from './demo-people';
import { seedDemoInterviews } from './demo-interviews';
import { seedDemoDiscussion } from './demo-discussion';
import { seedAdopted, seedAwaitingDecision, seedInProgress } from './demo-decisions';
import { seedDemoScenarios } from './demo-scenarios';
import { workingDayFrom } from './dutch-calendar';

/** The working day `days` from today in the Netherlands (negative: past): demo dates move with the calendar. */
export const demoDay = (days: number) => workingDayFrom(todayInNl(), days);

/**
 * Fills the agenda of a fresh demo database through the same use cases people use (so audited, with the
 * notifications they cause): every item with its texts and planning, items in every status, a discussion
 * with positions and comments, college decisions, a council follow-up and progress, and the interviews.
 */
export async function seedDemoAgenda(db: Db): Promise<void> {
	await inOneCommit(db, tellAgendaStory);
}

/**
 * The whole story in one transaction: each command still runs in its own (a savepoint inside it), but the
 * embedded database writes to disk once instead of some hundred times, so a first start stays quick, and
 * a start that fails half-way leaves no half-told story.
 */
export function inOneCommit(db: Db, story: (db: Db) => Promise<void>): Promise<void> {
	return db.transaction((tx) => story(tx as unknown as Db));
}

async function tellAgendaStory(db: Db): Promise<void> {
	const who = await demoPeople(db);
	// Told once: an agenda that has items already (a second call) is left as it is, never doubled.
	if (!who || (await db.select({ id: agendaItems.id }).from(agendaItems).limit(1)).length) return;
	const created = new Map<string, { item: DemoItem; id: string; anchor: Awaited<ReturnType<typeof writeTexts>> }>();
	for (const item of demoItems(demoDay)) {
		const { id } = await createItem(db, who('verkenner'), item, origin);
		await updateItemFields(db, who('verkenner'), { itemId: id, revision: 1, ...item.fields }, origin);
		const anchor = await writeTexts(db, who, id, item);
		if (item.stage !== 'concept') await transitionItem(db, who('verkenner'), { itemId: id, from: 'concept', to: 'in_bespreking' }, origin);
		created.set(item.stage === 'concept' || item.stage === 'in_bespreking' ? item.title : item.stage, { item, id, anchor });
	}
	// ---- interviews: they link to the items above (before any is frozen) and add one new concept item ----
	await seedDemoInterviews(db, who('verkenner'));
	await describePromotedItems(db, who);

	const housing = created.get('Versnelling woningbouw in de Leidse regio')!;
	await seedDemoDiscussion(db, who, housing.id, housing.anchor);
	await seedAwaitingDecision(db, who, created.get('gereed_voor_besluitvorming')!.id, demoDay);
	await seedAdopted(db, who, created.get('vastgesteld')!.id, demoDay);
	const social = created.get('in_uitvoering')!;
	// Its scenarios are signed content: weighed and proposed while it is still in bespreking, before the colleges decide.
	await seedDemoScenarios(db, who, social.id);
	await seedInProgress(db, who, social.id, demoDay, social.item.fields.milestones as { title: string; dueDate: string }[]);
}

/** The Beschrijving and Regionale meerwaarde, written by the verkenner as in the editor. */
async function writeTexts(db: Db, who: DemoPeople, itemId: string, item: Pick<DemoItem, 'description' | 'meerwaarde'>) {
	const description = await writeInitialText(db, who('verkenner'), itemId, 'description', item.description, origin);
	if (item.meerwaarde) await writeInitialText(db, who('verkenner'), itemId, 'meerwaarde', item.meerwaarde, origin);
	return description;
}

/** Items made from an interview's candidate bring their meerwaarde; the verkenner adds the description. */
const promotedDescriptions: Record<string, string> = {
	'LAB071 innovatieprogramma voor het mkb':
		'<p>LAB071 laat zien dat een lichte samenwerking werkt: ondernemers, onderwijs en overheid zoeken samen naar oplossingen voor maatschappelijke vragen. In het overleg Economie071 kwam het voorstel om dat te verbreden naar innovatie in het mkb.</p>' +
		'<p>Deze activiteit werkt uit hoe één regionaal innovatieprogramma de vijf kleine gemeentelijke regelingen kan vervangen, met een gezamenlijk loket en een gedeelde begroting.</p>'
};

async function describePromotedItems(db: Db, who: DemoPeople): Promise<void> {
	for (const [title, description] of Object.entries(promotedDescriptions)) {
		const [row] = await db.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.title, title));
		if (row) await writeInitialText(db, who('verkenner'), row.id, 'description', description, origin);
	}
}
