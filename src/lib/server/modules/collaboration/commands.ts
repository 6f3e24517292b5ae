import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db';
import { agendaItems, itemScenarios, type Contributor } from '../../db/schema';
import { authorize, can, type Actor } from '../../permissions';
import { record, type Origin } from '../audit';
import { scenarioOfField, type ItemTextField, type RichTextField } from '../../../validation/collab';
import { CollabFailure } from './errors';
import type { RichTextSnapshot } from './html';
import { appendUpdates, type NewUpdate } from './store';
import * as agenda from '../agenda-items';
import type { ItemState } from '../agenda-items';
// The sign-off rules every write to an item applies are provided by the decisions module when it loads.
import '../decisions';
import { DomainError } from '../../errors';

const coEditingOrigin: Origin = { ip: null, userAgent: 'regioportaal (samen bewerken)' };

/**
 * The rules of co-editing. The realtime layer (server/realtime/yjs-*.ts) moves bytes; every decision about
 * who may read, who may write and what gets stored and recorded is made here.
 */

/**
 * Opening a document is reading the item; returns whether this actor may also write to it. A scenario's
 * description opens only while that scenario is one of the item's and not removed.
 */
export async function authorizeOpen(db: Db, actor: Actor, itemId: string, field: RichTextField): Promise<{ canEdit: boolean }> {
	authorize(actor, 'item.read');
	const [item] = await db.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.id, itemId));
	if (!item) throw new CollabFailure('collab_error_not_found');
	const scenarioId = scenarioOfField(field);
	if (scenarioId && !(await agenda.isLiveScenarioOf(db, itemId, scenarioId))) throw new CollabFailure('collab_error_not_found');
	return { canEdit: can(actor, 'item.edit') };
}

/** Sending a change is editing the item. */
export function authorizeWrite(actor: Actor): void {
	if (!can(actor, 'item.edit')) throw new CollabFailure('collab_error_read_only');
}

/** The first change of someone's editing burst: recorded in the audit trail with the change itself. */
export interface BurstStart {
	actor: Pick<Actor, 'userId' | 'name'>;
	origin: Origin;
}

/**
 * Appends updates (already checked and authorised) and the audit rows of bursts that start with them, in one
 * transaction. Without an audit row that is the implicit transaction of a single multi-row INSERT, which
 * saves PGlite two round trips per keystroke batch. Returns the ids of the stored rows.
 */
export async function recordUpdates(db: Db, itemId: string, field: RichTextField, rows: NewUpdate[], bursts: BurstStart[]): Promise<number[]> {
	if (!bursts.length) return appended(await appendUpdates(db, itemId, field, rows));
	return db.transaction(async (tx) => {
		const ids = appended(await appendUpdates(tx, itemId, field, rows));
		for (const burst of bursts) {
			await record(tx, {
				actor: burst.actor,
				action: 'item.text_edited',
				objectType: 'agenda_item',
				objectId: itemId,
				origin: burst.origin,
				details: { field }
			});
		}
		return ids;
	});
}

/** No rows appended: the item is frozen for decision-making (see appendUpdates); the change is refused. */
function appended(ids: number[]): number[] {
	if (!ids.length) throw new CollabFailure('collab_error_frozen');
	return ids;
}

/**
 * Writes the sanitised HTML and plain text of a field to its row (the item's, or its scenario's) for pages,
 * search, export and version hashing, and notes who contributed since the last version. Returns false when
 * the row already said this (or the item or scenario is gone).
 */
export async function writeSnapshot(db: Db, itemId: string, field: RichTextField, snapshot: RichTextSnapshot, contributors: Contributor[]): Promise<boolean> {
	const who = contributors[0] ?? null;
	const scenarioId = scenarioOfField(field);
	try {
		const { value } = await agenda.changeItem(db, who, itemId, coEditingOrigin, async (tx, item) => {
			const change = scenarioId ? await scenarioTextChange(tx, item, scenarioId, snapshot) : itemTextChange(item, field as ItemTextField, snapshot);
			if (!change) return { unchanged: true, value: false };
			const pendingContributors = [...item.pendingContributors];
			for (const c of contributors) if (!pendingContributors.some((p) => p.userId === c.userId)) pendingContributors.push(c);
			await tx
				.update(agendaItems)
				.set({ ...change.itemValues, pendingContributors, updatedAt: new Date() })
				.where(eq(agendaItems.id, itemId));
			// Frozen text never gets here changed (the updates are refused before they are stored); if it did, changeItem refuses.
			return { value: true, state: { ...change.state, pendingContributors }, contentChanged: true, withoutSeq: true, events: () => [] };
		});
		return value;
	} catch (err) {
		if (err instanceof DomainError && err.key === 'agenda_item_not_found') return false;
		throw err;
	}
}

/** What a new snapshot changes: the item as it then is, and what the item row itself must say (written with the contributors). */
interface TextChange {
	state: ItemState;
	itemValues: Partial<typeof agendaItems.$inferInsert>;
}

/** The item's own field: its row's HTML and text. Null when the row already says this. */
function itemTextChange(item: ItemState, field: ItemTextField, snapshot: RichTextSnapshot): TextChange | null {
	const [html, text] = field === 'description' ? [item.descriptionHtml, item.descriptionText] : [item.meerwaardeHtml, item.meerwaardeText];
	if (html === snapshot.html && text === snapshot.text) return null;
	const itemValues =
		field === 'description'
			? { descriptionHtml: snapshot.html, descriptionText: snapshot.text }
			: { meerwaardeHtml: snapshot.html, meerwaardeText: snapshot.text };
	return { state: { ...item, ...itemValues }, itemValues };
}

/** A scenario's description, written to the scenario's row. Null when unchanged or the scenario was removed. */
async function scenarioTextChange(tx: Tx, item: ItemState, scenarioId: string, snapshot: RichTextSnapshot): Promise<TextChange | null> {
	const option = item.scenarios?.options.find((o) => o.id === scenarioId);
	if (!option || (option.descriptionHtml === snapshot.html && option.description === snapshot.text)) return null;
	await tx.update(itemScenarios).set({ descriptionHtml: snapshot.html, description: snapshot.text }).where(eq(itemScenarios.id, scenarioId));
	const options = item.scenarios!.options.map((o) => (o.id === scenarioId ? { ...o, descriptionHtml: snapshot.html, description: snapshot.text } : o));
	return { state: { ...item, scenarios: { ...item.scenarios!, options } }, itemValues: {} };
}

/** After a pause in editing: the agenda-items module decides whether an automatic version is due. */
export async function afterEditingPause(db: Db, itemId: string): Promise<void> {
	await agenda.captureAutoVersionIfIdle(db, itemId);
}
