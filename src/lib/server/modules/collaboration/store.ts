import { and, asc, eq, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db, Queryable } from '../../db';
import { agendaItems, itemDocumentUpdates, itemScenarios } from '../../db/schema';
import { scenarioOfField, type ItemTextField, type RichTextField } from '../../../validation/collab';
import { fillFragment } from './from-html';
import { fragmentToSnapshot, type RichTextSnapshot } from './html';
import type { StoredItemTexts } from '../agenda-items';
import { isFrozenStatus } from '../../../decisions/constants';
import { rowsOf } from '../../db/rows';

/** Storage of the Yjs documents: an append-only log of updates per (item, field), compacted now and then. */

export interface StoredUpdate {
	id: number;
	update: Uint8Array;
}

const ofDoc = (itemId: string, field: RichTextField) => and(eq(itemDocumentUpdates.itemId, itemId), eq(itemDocumentUpdates.field, field));

export async function loadUpdates(q: Queryable, itemId: string, field: RichTextField): Promise<StoredUpdate[]> {
	return q
		.select({ id: itemDocumentUpdates.id, update: itemDocumentUpdates.update })
		.from(itemDocumentUpdates)
		.where(ofDoc(itemId, field))
		.orderBy(asc(itemDocumentUpdates.id));
}

/**
 * The stored updates of a document other than `known`: what another app node stored that this one has not
 * applied (its message lost, or compacted there into a new row).
 */
export async function loadUpdatesNotIn(q: Queryable, itemId: string, field: RichTextField, known: number[]): Promise<StoredUpdate[]> {
	return q
		.select({ id: itemDocumentUpdates.id, update: itemDocumentUpdates.update })
		.from(itemDocumentUpdates)
		.where(and(ofDoc(itemId, field), sql`not (${itemDocumentUpdates.id} = any(${sql.param(known)}::bigint[]))`))
		.orderBy(asc(itemDocumentUpdates.id));
}

const hexOf = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString('hex');

export interface NewUpdate {
	update: Uint8Array;
	userId: string | null;
}

/** Statuses in which the texts may change (the signed content is frozen in all others). */
const openStatuses = sql.raw(`'concept','in_bespreking'`);

/**
 * Appends updates; returns the ids of the new rows. One statement with two array parameters instead of a
 * multi-row VALUES list: on PGlite that is a third of the time per batch.
 * Bytes travel as hex text, which both drivers pass alike.
 * Nothing is appended while the item is frozen for decision-making (an empty answer): the statement takes a
 * share lock on the item row, so it waits for a freeze in progress (which holds the row) and then sees the
 * new status. `seeding` writes a document's first state from the row's own text, which changes nothing.
 */
export async function appendUpdates(q: Queryable, itemId: string, field: RichTextField, rows: NewUpdate[], seeding = false): Promise<number[]> {
	if (!rows.length) return [];
	const hex = rows.map(({ update }) => hexOf(update));
	const open = seeding ? sql`true` : sql`status in (${openStatuses})`;
	const result = await q.execute<{ id: string | number }>(sql`
		with item as (select id from ${agendaItems} where id = ${itemId} and ${open} for share)
		insert into ${itemDocumentUpdates} (item_id, field, update, user_id)
		select item.id, ${field}, decode(u.hex, 'hex'), u.user_id
		from item, unnest(${sql.param(hex)}::text[], ${sql.param(rows.map((r) => r.userId))}::uuid[]) as u(hex, user_id)
		returning id`);
	return rowsOf<{ id: string | number }>(result).map((r) => Number(r.id));
}

/** Whether the item's texts are frozen for decision-making (false for an item that does not exist). */
export async function textsFrozen(q: Queryable, itemId: string): Promise<boolean> {
	const [row] = await q.select({ status: agendaItems.status }).from(agendaItems).where(eq(agendaItems.id, itemId));
	return !!row && isFrozenStatus(row.status);
}

/** A document's text as every editor shows it once synced: its stored updates replayed. */
async function storedText(q: Queryable, itemId: string, field: RichTextField): Promise<RichTextSnapshot | null> {
	const rows = await loadUpdates(q, itemId, field);
	if (!rows.length) return null;
	const doc = new Y.Doc();
	doc.transact(() => {
		for (const row of rows) Y.applyUpdate(doc, row.update);
	});
	const snapshot = fragmentToSnapshot(doc.getXmlFragment(field));
	doc.destroy();
	return snapshot;
}

/**
 * The texts of the item's stored documents (for the freeze and "Versie vastleggen"): exactly what every
 * editor shows once synced, its own two fields and its scenarios' descriptions. A text without a stored
 * document is left out: its text is the row's.
 */
export async function storedTexts(q: Queryable, itemId: string): Promise<StoredItemTexts> {
	const texts: StoredItemTexts = { scenarios: {} };
	const fields = await q.selectDistinct({ field: itemDocumentUpdates.field }).from(itemDocumentUpdates).where(eq(itemDocumentUpdates.itemId, itemId));
	for (const { field } of fields) {
		const text = await storedText(q, itemId, field);
		if (!text) continue;
		const scenarioId = scenarioOfField(field);
		if (scenarioId) texts.scenarios[scenarioId] = text;
		else texts[field as ItemTextField] = text;
	}
	return texts;
}

const htmlColumn = { description: agendaItems.descriptionHtml, meerwaarde: agendaItems.meerwaardeHtml } as const;

/** The HTML a document starts from: the item row's field, or the scenario row's description (if it is the item's). */
async function rowHtml(tx: Queryable, itemId: string, field: RichTextField): Promise<string> {
	const scenarioId = scenarioOfField(field);
	if (!scenarioId) {
		const [item] = await tx
			.select({ html: htmlColumn[field as ItemTextField] })
			.from(agendaItems)
			.where(eq(agendaItems.id, itemId));
		return item?.html ?? '';
	}
	const [scenario] = await tx
		.select({ html: itemScenarios.descriptionHtml })
		.from(itemScenarios)
		.where(and(eq(itemScenarios.id, scenarioId), eq(itemScenarios.itemId, itemId)));
	return scenario?.html ?? '';
}

/**
 * The stored updates of a document; when there are none yet but the row already has HTML for the field
 * (an item created with text, demo data, a scenario added with a description), that HTML becomes the first
 * update, so opening the editor never empties a field. The item row is locked while deciding, so two nodes
 * never both seed the same document.
 */
export async function loadOrSeedUpdates(db: Db, itemId: string, field: RichTextField): Promise<StoredUpdate[]> {
	const rows = await loadUpdates(db, itemId, field);
	if (rows.length) return rows;
	return db.transaction(async (tx) => {
		await tx.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.id, itemId)).for('update');
		const again = await loadUpdates(tx, itemId, field);
		const html = again.length ? '' : await rowHtml(tx, itemId, field);
		if (again.length || !html.trim()) return again;
		const doc = new Y.Doc();
		fillFragment(doc.getXmlFragment(field), html);
		const update = Y.encodeStateAsUpdate(doc);
		doc.destroy();
		await appendUpdates(tx, itemId, field, [{ update, userId: null }], true);
		return loadUpdates(tx, itemId, field);
	});
}

/**
 * Replaces the rows `ids` by one row holding `state` (a document state that contains them all), in one
 * transaction. Rows not named — appended meanwhile, or by another process — stay as they are, so it is safe
 * beside concurrent appends; a row already gone (compacted elsewhere) is simply not there to delete.
 * Returns how many rows went and the id of the new one.
 */
export async function replaceRows(db: Db, itemId: string, field: RichTextField, ids: number[], state: Uint8Array): Promise<{ removed: number; id: number }> {
	return db.transaction(async (tx) => {
		// One array parameter, not one per id: hundreds of ids are the normal case.
		const gone = await tx.execute<{ id: string | number }>(sql`
			delete from ${itemDocumentUpdates}
			where item_id = ${itemId} and field = ${field} and id = any(${sql.param(ids)}::bigint[])
			returning id`);
		// The state is one large value: a plain hex parameter (an array literal of it costs more to build).
		const inserted = await tx.execute<{ id: string | number }>(sql`
			insert into ${itemDocumentUpdates} (item_id, field, update, user_id)
			values (${itemId}, ${field}, decode(${hexOf(state)}, 'hex'), null)
			returning id`);
		return { removed: rowsOf(gone).length, id: Number(rowsOf<{ id: string | number }>(inserted)[0].id) };
	});
}

/** The id of the transaction `tx` runs in (PostgreSQL 13+, PGlite). */
export async function transactionId(tx: Queryable): Promise<string> {
	const rows = await tx.execute<{ xact: string }>(sql`select pg_current_xact_id()::text as xact`);
	return rowsOf<{ xact: string }>(rows)[0].xact;
}

/** 'committed', 'aborted', 'in progress', or null when the id is too old to know. */
export async function transactionStatus(q: Queryable, xact: string): Promise<string | null> {
	const rows = await q.execute<{ status: string | null }>(sql`select pg_xact_status(${xact}::xid8) as status`);
	return rowsOf<{ status: string | null }>(rows)[0]?.status ?? null;
}
