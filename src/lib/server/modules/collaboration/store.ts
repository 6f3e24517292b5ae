import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db, Queryable } from '../../db';
import { agendaItems, itemDocumentUpdates } from '../../db/schema';
import type { RichTextField } from '../../../validation/collab';
import { fillFragment } from './from-html';

/** Storage of the Yjs documents: an append-only log of updates per (item, field), compacted now and then. */

export interface StoredUpdate {
	id: number;
	update: Uint8Array;
}

const ofDoc = (itemId: string, field: RichTextField) =>
	and(eq(itemDocumentUpdates.itemId, itemId), eq(itemDocumentUpdates.field, field));

export async function loadUpdates(q: Queryable, itemId: string, field: RichTextField): Promise<StoredUpdate[]> {
	return q
		.select({ id: itemDocumentUpdates.id, update: itemDocumentUpdates.update })
		.from(itemDocumentUpdates)
		.where(ofDoc(itemId, field))
		.orderBy(asc(itemDocumentUpdates.id));
}

export interface NewUpdate {
	update: Uint8Array;
	userId: string | null;
}

export async function appendUpdates(q: Queryable, itemId: string, field: RichTextField, rows: NewUpdate[]): Promise<void> {
	if (!rows.length) return;
	await q.insert(itemDocumentUpdates).values(rows.map((r) => ({ itemId, field, update: r.update, userId: r.userId })));
}

const htmlColumn = { description: agendaItems.descriptionHtml, meerwaarde: agendaItems.meerwaardeHtml } as const;

/**
 * The stored updates of a document; when there are none yet but the item row already has HTML for the field
 * (an item created with text, demo data), that HTML becomes the first update, so opening the editor never
 * empties a field. The item row is locked while deciding, so two nodes never both seed the same document.
 */
export async function loadOrSeedUpdates(db: Db, itemId: string, field: RichTextField): Promise<StoredUpdate[]> {
	const rows = await loadUpdates(db, itemId, field);
	if (rows.length) return rows;
	return db.transaction(async (tx) => {
		const [item] = await tx
			.select({ html: htmlColumn[field] })
			.from(agendaItems)
			.where(eq(agendaItems.id, itemId))
			.for('update');
		const again = await loadUpdates(tx, itemId, field);
		if (again.length || !item?.html.trim()) return again;
		const doc = new Y.Doc();
		fillFragment(doc.getXmlFragment(field), item.html);
		const update = Y.encodeStateAsUpdate(doc);
		doc.destroy();
		await appendUpdates(tx, itemId, field, [{ update, userId: null }]);
		return loadUpdates(tx, itemId, field);
	});
}

/**
 * Merges all stored updates of a document into one row, in one transaction. Safe beside concurrent appends:
 * it locks and deletes exactly the rows it read (by id), so an update committed meanwhile stays as its own row.
 * Returns how many rows went and came.
 */
export async function compactDocument(
	db: Db,
	itemId: string,
	field: RichTextField
): Promise<{ removed: number; inserted: number }> {
	return db.transaction(async (tx) => {
		const rows = await tx
			.select({ id: itemDocumentUpdates.id, update: itemDocumentUpdates.update, createdAt: itemDocumentUpdates.createdAt })
			.from(itemDocumentUpdates)
			.where(ofDoc(itemId, field))
			.orderBy(asc(itemDocumentUpdates.id))
			.for('update');
		if (rows.length < 2) return { removed: 0, inserted: 0 };
		const merged = Y.mergeUpdates(rows.map((r) => r.update));
		const newest = rows.reduce((a, r) => (r.createdAt > a ? r.createdAt : a), rows[0].createdAt);
		const ids = rows.map((r) => r.id);
		for (let i = 0; i < ids.length; i += 5000) {
			await tx.delete(itemDocumentUpdates).where(inArray(itemDocumentUpdates.id, ids.slice(i, i + 5000)));
		}
		await tx.insert(itemDocumentUpdates).values({ itemId, field, update: merged, userId: null, createdAt: newest });
		return { removed: rows.length, inserted: 1 };
	});
}

export async function countUpdates(q: Queryable, itemId: string, field: RichTextField): Promise<number> {
	const [row] = await q
		.select({ n: sql<number>`count(*)::int` })
		.from(itemDocumentUpdates)
		.where(ofDoc(itemId, field));
	return row?.n ?? 0;
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

/** `execute` answers with an array (postgres.js) or with `{ rows }` (PGlite). */
function rowsOf<T>(result: unknown): T[] {
	return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
