import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eq, sql } from 'drizzle-orm';
import { itemDocumentUpdates } from '../../../src/lib/server/db/schema';
import { appendUpdates, loadOrSeedUpdates, loadUpdates, replaceRows } from '../../../src/lib/server/modules/collaboration/store';
import { fragmentToSnapshot } from '../../../src/lib/server/modules/collaboration/html';
import { destroy, testBackend, testDb, type TestDb } from '../../fixtures/db';
import { newUser, type NewUser } from '../../fixtures/factories';
import { newItem } from '../agenda/helpers';
import { agendaItems } from '../../../src/lib/server/db/schema';
import { typeInto } from './helpers';

let t: TestDb;
let verkenner: NewUser;
beforeAll(async () => {
	t = await testDb();
	verkenner = await newUser(t.db, [['verkenner', null]]);
});
afterAll(() => destroy(t));

const replay = (updates: Uint8Array[]) => {
	const doc = new Y.Doc();
	for (const u of updates) Y.applyUpdate(doc, u);
	const text = fragmentToSnapshot(doc.getXmlFragment('description')).text;
	doc.destroy();
	return text;
};

describe(`item document storage (${testBackend})`, () => {
	it('stores bytea as exactly the bytes it was given, including 0x00, 0xff and backslashes', async () => {
		const itemId = await newItem(t.db, verkenner.actor);
		const bytes = new Uint8Array(256 * 3).map((_, i) => i % 256);
		bytes.set([0x5c, 0x78, 0x30, 0x30], 10); // "\x00" as text must stay four bytes
		await appendUpdates(t.db, itemId, 'description', [{ update: bytes, userId: verkenner.id }]);
		const [row] = await loadUpdates(t.db, itemId, 'description');
		expect(row.update).toBeInstanceOf(Uint8Array);
		expect(Buffer.from(row.update).equals(Buffer.from(bytes))).toBe(true);
		const [len] = await t.db
			.select({ n: sql<number>`octet_length(${itemDocumentUpdates.update})::int` })
			.from(itemDocumentUpdates)
			.where(eq(itemDocumentUpdates.itemId, itemId));
		expect(len.n).toBe(bytes.length);
	});

	it('compaction replaces exactly the rows it names by the state, and leaves rows appended meanwhile alone', async () => {
		const itemId = await newItem(t.db, verkenner.actor);
		const doc = new Y.Doc();
		const updates: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => updates.push(u));
		for (let i = 0; i < 250; i++) typeInto(doc, 'description', String.fromCharCode(97 + (i % 26)), i % 5 === 0 ? 0 : undefined);
		const stateOfFirst = Y.encodeStateAsUpdate(doc);
		for (let i = 0; i < 20; i++) typeInto(doc, 'description', String(i % 10), i % 3 === 0 ? 0 : undefined);
		const text = fragmentToSnapshot(doc.getXmlFragment('description')).text;
		const ids = await appendUpdates(
			t.db,
			itemId,
			'description',
			updates.slice(0, 250).map((update) => ({ update, userId: verkenner.id }))
		);
		expect(ids).toHaveLength(250);

		// Compaction and appends at the same time, one transaction per append, as the live server does.
		const late = updates.slice(250);
		const [result] = await Promise.all([
			replaceRows(t.db, itemId, 'description', ids, stateOfFirst),
			(async () => {
				for (const update of late) await appendUpdates(t.db, itemId, 'description', [{ update, userId: verkenner.id }]);
			})()
		]);
		expect(result.removed).toBe(250);
		const rows = await loadUpdates(t.db, itemId, 'description');
		expect(rows).toHaveLength(1 + late.length);
		expect(rows.map((r) => r.id)).toContain(result.id);
		expect(replay(rows.map((r) => r.update))).toBe(text);

		// Once more over everything, naming a row that is already gone: one row, the same text.
		const again = await replaceRows(t.db, itemId, 'description', [...rows.map((r) => r.id), ids[0]], Y.encodeStateAsUpdate(doc));
		expect(again.removed).toBe(rows.length);
		const once = await loadUpdates(t.db, itemId, 'description');
		expect(once.map((r) => r.id)).toEqual([again.id]);
		expect(replay(once.map((r) => r.update))).toBe(text);
	});

	it('keeps Yjs updates uncompressed (compressing a compacted state held up the embedded database)', async () => {
		const [column] = await t.db
			.select({ storage: sql<string>`attstorage::text` })
			.from(sql`pg_attribute`)
			.where(sql`attrelid = 'item_document_updates'::regclass and attname = 'update'`);
		expect(column.storage).toBe('e');
	});

	it('compaction never deletes rows of another document', async () => {
		const [a, b] = [await newItem(t.db, verkenner.actor), await newItem(t.db, verkenner.actor)];
		const doc = new Y.Doc();
		typeInto(doc, 'description', 'van b');
		const [idOfB] = await appendUpdates(t.db, b, 'description', [{ update: Y.encodeStateAsUpdate(doc), userId: null }]);
		const { removed } = await replaceRows(t.db, a, 'description', [idOfB], Y.encodeStateAsUpdate(new Y.Doc()));
		expect(removed).toBe(0);
		expect(replay((await loadUpdates(t.db, b, 'description')).map((r) => r.update))).toBe('van b');
	});

	it('seeds an empty document from HTML already on the item row, once', async () => {
		const itemId = await newItem(t.db, verkenner.actor);
		await t.db
			.update(agendaItems)
			.set({ descriptionHtml: '<h2>Wonen</h2><p>Leiden heeft <strong>10.000</strong> woningen nodig.</p>' })
			.where(eq(agendaItems.id, itemId));
		const [a, b] = await Promise.all([loadOrSeedUpdates(t.db, itemId, 'description'), loadOrSeedUpdates(t.db, itemId, 'description')]);
		expect(a).toHaveLength(1);
		expect(b).toHaveLength(1);
		const doc = new Y.Doc();
		Y.applyUpdate(doc, a[0].update);
		expect(fragmentToSnapshot(doc.getXmlFragment('description')).html).toBe('<h2>Wonen</h2><p>Leiden heeft <strong>10.000</strong> woningen nodig.</p>');
		expect(await loadOrSeedUpdates(t.db, itemId, 'meerwaarde')).toHaveLength(0);
	});
});
