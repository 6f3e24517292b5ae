import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { getItem } from '../../../src/lib/server/modules/agenda-items';
import { loadUpdates, writeInitialText } from '../../../src/lib/server/modules/collaboration';
import { auditOf, newItem, rejection } from '../agenda/helpers';

let t: TestDb;
let verkenner: NewUser;
beforeAll(async () => {
	t = await testDb();
	verkenner = await newUser(t.db, [['verkenner', null]], { name: 'Vera Verkenner' });
});
afterAll(() => destroy(t));

const html = '<p>Leiden heeft behoefte aan <strong>circa 10.000</strong> extra woningen tot 2029.</p><ul><li><p>een regionale locatiekaart</p></li></ul>';

describe('a first text written in one go', () => {
	it('is stored as the editor stores typing: one update, an audit row, the item snapshot', async () => {
		const itemId = await newItem(t.db, verkenner.actor);
		await writeInitialText(t.db, verkenner.actor, itemId, 'description', html, testOrigin);
		expect(await loadUpdates(t.db, itemId, 'description')).toHaveLength(1);
		const { item } = await getItem(t.db, verkenner.actor, itemId);
		expect(item.descriptionText).toContain('circa 10.000 extra woningen tot 2029');
		expect(item.descriptionHtml).toContain('<strong>circa 10.000</strong>');
		expect((await auditOf(t.db, itemId)).filter((a) => a.action === 'item.text_edited')).toHaveLength(1);
	});

	it('gives anchors that resolve to the quoted passage in the stored document', async () => {
		const itemId = await newItem(t.db, verkenner.actor);
		const { anchor } = await writeInitialText(t.db, verkenner.actor, itemId, 'description', html, testOrigin);
		const a = anchor('regionale locatiekaart');
		const doc = new Y.Doc();
		for (const row of await loadUpdates(t.db, itemId, 'description')) Y.applyUpdate(doc, row.update);
		const at = (b64: string) => Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(b64, 'base64')), doc)!;
		const [start, end] = [at(a.start), at(a.end)];
		expect(start.type).toBe(end.type);
		expect((start.type as Y.XmlText).toString().slice(start.index, end.index)).toBe('regionale locatiekaart');
		expect(a).toMatchObject({ field: 'description', quote: 'regionale locatiekaart' });
		expect(() => anchor('niet in de tekst')).toThrow();
	});

	it('is refused for someone who may not edit, and for a field already written', async () => {
		const itemId = await newItem(t.db, verkenner.actor);
		const griffie = await newUser(t.db, [['griffie', 'leiden']]);
		expect(await rejection(writeInitialText(t.db, griffie.actor, itemId, 'meerwaarde', html, testOrigin))).toBeTruthy();
		await writeInitialText(t.db, verkenner.actor, itemId, 'meerwaarde', html, testOrigin);
		await expect(writeInitialText(t.db, verkenner.actor, itemId, 'meerwaarde', html, testOrigin)).rejects.toThrow(/written already/);
		expect(await loadUpdates(t.db, itemId, 'meerwaarde')).toHaveLength(1);
	});
});
