import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { agendaItems, type Contributor } from '../../db/schema';
import { authorize, can, type Actor } from '../../permissions';
import { record, type Origin } from '../audit';
import type { RichTextField } from '../../../validation/collab';
import { CollabFailure } from './errors';
import type { RichTextSnapshot } from './html';
import { appendUpdates, type NewUpdate } from './store';
import { captureAutoVersionIfIdle } from '../agenda-items/capture-version';
import { publishItemChange } from '../agenda-items/events';
import { returnToDiscussionAfterEdit, type EditConsequence } from '../decisions/on-content-edit';

const coEditingOrigin: Origin = { ip: null, userAgent: 'regioportaal (samen bewerken)' };

/**
 * The rules of co-editing. The realtime layer (server/realtime/yjs-*.ts) moves bytes; every decision about
 * who may read, who may write and what gets stored and recorded is made here.
 */

/** Opening a document is reading the item; returns whether this actor may also write to it. */
export async function authorizeOpen(db: Db, actor: Actor, itemId: string): Promise<{ canEdit: boolean }> {
	authorize(actor, 'item.read');
	const [item] = await db.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.id, itemId));
	if (!item) throw new CollabFailure('collab_error_not_found');
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
export async function recordUpdates(
	db: Db,
	itemId: string,
	field: RichTextField,
	rows: NewUpdate[],
	bursts: BurstStart[]
): Promise<number[]> {
	if (!bursts.length) return appendUpdates(db, itemId, field, rows);
	return db.transaction(async (tx) => {
		const ids = await appendUpdates(tx, itemId, field, rows);
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

/**
 * Writes the sanitised HTML and plain text of a field to the item row (for pages, search, export and version
 * hashing) and notes who contributed since the last version. Returns false when the row already said this.
 */
export async function writeSnapshot(
	db: Db,
	itemId: string,
	field: RichTextField,
	snapshot: RichTextSnapshot,
	contributors: Contributor[]
): Promise<boolean> {
	const columns =
		field === 'description'
			? { html: agendaItems.descriptionHtml, text: agendaItems.descriptionText }
			: { html: agendaItems.meerwaardeHtml, text: agendaItems.meerwaardeText };
	let reopened: EditConsequence | null = null;
	const written = await db.transaction(async (tx) => {
		const [row] = await tx
			.select({ html: columns.html, text: columns.text, pending: agendaItems.pendingContributors })
			.from(agendaItems)
			.where(eq(agendaItems.id, itemId))
			.for('update');
		if (!row || (row.html === snapshot.html && row.text === snapshot.text)) return false;
		const pending = [...row.pending];
		for (const c of contributors) if (!pending.some((p) => p.userId === c.userId)) pending.push(c);
		const values =
			field === 'description'
				? { descriptionHtml: snapshot.html, descriptionText: snapshot.text }
				: { meerwaardeHtml: snapshot.html, meerwaardeText: snapshot.text };
		await tx
			.update(agendaItems)
			.set({ ...values, pendingContributors: pending, updatedAt: new Date() })
			.where(eq(agendaItems.id, itemId));
		// Editing frozen content (issue 5): the sign-offs become void and the item returns to in bespreking.
		reopened = await returnToDiscussionAfterEdit(tx, itemId, contributors[0] ?? null, coEditingOrigin);
		return true;
	});
	const after = reopened as EditConsequence | null;
	if (after) publishItemChange(after.change.state, after.change.seq, 'status', contributors[0] ?? null);
	return written;
}

/** After a pause in editing: the agenda-items module decides whether an automatic version is due. */
export async function afterEditingPause(db: Db, itemId: string): Promise<void> {
	await captureAutoVersionIfIdle(db, itemId);
}
