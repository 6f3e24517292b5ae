/**
 * Co-editing and the freeze for decision-making: the frozen version is made from exactly the stored
 * documents (what every editor shows), not from the item row's snapshot that lags behind the typing; from
 * then on every change to the texts is refused before it is relayed, and the database refuses it too.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { eq } from 'drizzle-orm';
import { agendaItemVersions, agendaItems } from '../../../src/lib/server/db/schema';
import { captureVersion, reopenItem, transitionItem } from '../../../src/lib/server/modules/agenda-items';
import { appendUpdates, recordUpdates } from '../../../src/lib/server/modules/collaboration';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { itemWith } from '../decisions/helpers';
import { ask, eventually, openEditor, startCollabServer, storedRows, storedText, typeInto, type CollabServer, type TestEditor } from './helpers';

let t: TestDb;
let server: CollabServer;
let verkenner: NewUser;
let lid: NewUser;
const open: TestEditor[] = [];

beforeAll(async () => {
	t = await testDb();
	// No snapshot or automatic version during a test: the item row's text stays behind the typing.
	server = await startCollabServer(t, { snapshotDebounceMs: 600_000, snapshotMaxWaitMs: 600_000 });
	verkenner = await newUser(t.db, [['verkenner', null]], { name: 'Vera Verkenner' });
	lid = await newUser(t.db, [['klankbordgroeplid', 'leiden']], { name: 'Karel Klankbord' });
});
afterEach(() => {
	for (const e of open.splice(0)) e.close();
});
afterAll(async () => {
	await server.stop();
	await destroy(t);
});

async function editor(user: NewUser, itemId: string) {
	const e = await openEditor(server, t, user.id, itemId, 'description');
	open.push(e);
	return e;
}

/** An item in bespreking with Leiden taking part. */
async function discussedItem(): Promise<string> {
	const id = await itemWith(t.db, verkenner.actor, ['leiden']);
	await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'concept', to: 'in_bespreking' }, testOrigin);
	return id;
}

/** Typed and stored (acknowledged), while the item row still has the old text. */
async function typeAndStore(e: TestEditor, itemId: string, s: string) {
	e.type(s);
	await eventually(
		() => storedText(t.db, itemId),
		(x) => x === e.text()
	);
	await server.hub.get(itemId, 'description')?.settled();
}

async function rowText(itemId: string): Promise<string> {
	const [row] = await t.db.select({ text: agendaItems.descriptionText }).from(agendaItems).where(eq(agendaItems.id, itemId));
	return row.text;
}

/** A change as a client would send it, made on a copy of what `e` has. */
function forgedUpdate(e: TestEditor, s: string): Uint8Array {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(e.doc));
	const sv = Y.encodeStateVector(copy);
	typeInto(copy, 'description', s);
	const enc = encoding.createEncoder();
	syncProtocol.writeUpdate(enc, Y.encodeStateAsUpdate(copy, sv));
	return encoding.toUint8Array(enc);
}

describe('the freeze versions what every editor shows', () => {
	it('text typed a moment before the freeze is in the frozen version and its hash', async () => {
		const itemId = await discussedItem();
		const a = await editor(verkenner, itemId);
		await typeAndStore(a, itemId, 'Net getypt vlak voor het vastleggen.');
		expect(await rowText(itemId)).toBe('');

		const { version } = await transitionItem(t.db, verkenner.actor, { itemId, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' }, testOrigin);
		const frozen = (await t.db.select().from(agendaItemVersions).where(eq(agendaItemVersions.itemId, itemId))).find((x) => x.number === version)!;
		expect(JSON.parse(frozen.content).description.text).toBe('Net getypt vlak voor het vastleggen.');
		expect(await rowText(itemId)).toBe('Net getypt vlak voor het vastleggen.');
		expect(a.text()).toBe('Net getypt vlak voor het vastleggen.');
	});

	it('"Versie vastleggen" right after typing includes what was typed', async () => {
		const itemId = await discussedItem();
		const a = await editor(verkenner, itemId);
		await typeAndStore(a, itemId, 'Eerste zin.');
		const first = await captureVersion(t.db, verkenner.actor, { itemId }, testOrigin);
		expect(first.created).toBe(true);
		await typeAndStore(a, itemId, 'Tweede zin. ');
		const second = await captureVersion(t.db, verkenner.actor, { itemId }, testOrigin);
		expect(second.created).toBe(true);
		expect(second.version.number).toBe(first.version.number + 1);
		const [row] = await t.db.select().from(agendaItemVersions).where(eq(agendaItemVersions.id, second.version.id));
		expect(JSON.parse(row.content).description.text).toBe(a.text());
		// Nothing typed since: nothing new.
		expect((await captureVersion(t.db, verkenner.actor, { itemId }, testOrigin)).created).toBe(false);
	});
});

describe('a frozen text takes no changes', () => {
	it('a change over the socket is refused with a Dutch message, relayed to no one and not stored', async () => {
		const itemId = await discussedItem();
		const a = await editor(lid, itemId);
		const b = await editor(verkenner, itemId);
		await typeAndStore(a, itemId, 'Vastgelegde tekst.');
		await transitionItem(t.db, verkenner.actor, { itemId, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' }, testOrigin);
		const rows = (await storedRows(t.db, itemId)).length;

		const res = await ask(a.socket, 'collab:sync', { itemId, field: 'description', message: forgedUpdate(a, 'Toch nog gewijzigd! ') });
		expect(res).toMatchObject({ ok: false, code: 'collab_error_frozen' });
		expect(res.error).toMatch(/vastgelegd voor besluitvorming/);
		await new Promise((r) => setTimeout(r, 150));
		expect(b.text()).toBe('Vastgelegde tekst.');
		expect((await storedRows(t.db, itemId)).length).toBe(rows);
		expect(await storedText(t.db, itemId)).toBe('Vastgelegde tekst.');
	});

	it('the database refuses a change to a frozen item even when the process did not know it was frozen', async () => {
		const itemId = await discussedItem();
		const a = await editor(verkenner, itemId);
		await typeAndStore(a, itemId, 'Tekst.');
		await transitionItem(t.db, verkenner.actor, { itemId, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' }, testOrigin);
		const doc = new Y.Doc();
		typeInto(doc, 'description', 'Van een ander proces');
		const update = Y.encodeStateAsUpdate(doc);
		expect(await appendUpdates(t.db, itemId, 'description', [{ update, userId: verkenner.id }])).toEqual([]);
		await expect(recordUpdates(t.db, itemId, 'description', [{ update, userId: verkenner.id }], [])).rejects.toMatchObject({ code: 'collab_error_frozen' });
		expect(await storedText(t.db, itemId)).toBe('Tekst.');
	});

	it('after Heropenen the text takes changes again', async () => {
		const itemId = await discussedItem();
		const a = await editor(verkenner, itemId);
		await typeAndStore(a, itemId, 'Eerst. ');
		await transitionItem(t.db, verkenner.actor, { itemId, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' }, testOrigin);
		expect((await ask(a.socket, 'collab:sync', { itemId, field: 'description', message: forgedUpdate(a, 'x') })).code).toBe('collab_error_frozen');
		await reopenItem(t.db, verkenner.actor, { itemId, from: 'gereed_voor_besluitvorming', reason: 'Tekst aanvullen' }, testOrigin);
		const res = await ask(a.socket, 'collab:sync', { itemId, field: 'description', message: forgedUpdate(a, 'Daarna. ') });
		expect(res.ok).toBe(true);
		await eventually(
			() => storedText(t.db, itemId),
			(x) => x.includes('Daarna.')
		);
	});
});
