import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import { and, eq } from 'drizzle-orm';
import { agendaItems, auditEvents } from '../../../src/lib/server/db/schema';
import { captureVersion, restoreVersion } from '../../../src/lib/server/modules/agenda-items';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { sessionCookie } from '../../fixtures/realtime-server';
import { newItem } from '../agenda/helpers';
import { appendUpdates } from '../../../src/lib/server/modules/collaboration/store';
import { ask, eventually, openEditor, pageSocket, startCollabServer, storedRows, storedText, typeInto, type CollabServer, type TestEditor } from './helpers';

let t: TestDb;
let server: CollabServer;
let verkenner: NewUser;
let lid: NewUser;
let reader: NewUser;
const open: TestEditor[] = [];

beforeAll(async () => {
	t = await testDb();
	server = await startCollabServer(t);
	verkenner = await newUser(t.db, [['verkenner', null]], { name: 'Vera Verkenner' });
	lid = await newUser(t.db, [['klankbordgroeplid', 'oegstgeest']], { name: 'Karel Klankbord' });
	reader = await newUser(t.db, [['meelezer', 'zoeterwoude']], { name: 'Mees Meelezer' });
});
afterEach(() => {
	for (const e of open.splice(0)) e.close();
});
afterAll(async () => {
	await server.stop();
	await destroy(t);
});

async function editor(user: NewUser, itemId: string, field: 'description' | 'meerwaarde' = 'description') {
	const e = await openEditor(server, t, user.id, itemId, field);
	open.push(e);
	return e;
}

/** An update of `bytes` size that a Tiptap client could send (one big paste). */
function bigUpdate(bytes: number): Uint8Array {
	const doc = new Y.Doc();
	typeInto(doc, 'description', 'x'.repeat(bytes));
	const update = Y.encodeStateAsUpdate(doc);
	const enc = encoding.createEncoder();
	syncProtocol.writeUpdate(enc, update);
	return encoding.toUint8Array(enc);
}

/** Tiptap starts every document with one paragraph; let both editors share it before typing at once. */
async function sameParagraph(a: TestEditor, b: TestEditor) {
	a.type('');
	await eventually(
		() => b.doc.getXmlFragment('description').length,
		(n) => n === 1
	);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('co-editing a rich-text field', () => {
	it('two people typing at the same time both see both texts, and it is all stored', async () => {
		const itemId = await newItem(t.db, verkenner.actor);
		const a = await editor(verkenner, itemId);
		const b = await editor(lid, itemId);
		await sameParagraph(a, b);
		// Interleaved keystrokes at both ends of the same paragraph, without waiting for each other.
		for (let i = 0; i < 40; i++) {
			a.type('a', 0);
			b.type('b');
			if (i % 10 === 0) await sleep(5);
		}
		await eventually(
			() => [a.text(), b.text()],
			([x, y]) => x === y && x.length === 80
		);
		expect(a.text().replaceAll('b', '')).toBe('a'.repeat(40));
		expect(b.text().replaceAll('a', '')).toBe('b'.repeat(40));
		await Promise.all([a.provider.whenSaved(), b.provider.whenSaved()]);
		expect(await storedText(t.db, itemId)).toBe(a.text());
		// After the pause, the item row carries the snapshot (for pages, search, versions).
		const [row] = await eventually(
			() => t.db.select().from(agendaItems).where(eq(agendaItems.id, itemId)),
			([r]) => r.descriptionText === a.text()
		);
		expect(row.descriptionHtml).toBe(`<p>${a.text()}</p>`);
		expect(row.pendingContributors.map((c) => c.name).sort()).toEqual(['Karel Klankbord', 'Vera Verkenner']);
	});

	it('a late joiner gets the whole text, and the two fields are separate documents', async () => {
		const itemId = await newItem(t.db, verkenner.actor);
		const a = await editor(verkenner, itemId);
		a.type('Leiden heeft tot 2029 ongeveer 10.000 extra woningen nodig.');
		const m = await editor(verkenner, itemId, 'meerwaarde');
		m.type('Samen bouwen is sneller.');
		await Promise.all([a.provider.whenSaved(), m.provider.whenSaved()]);
		const late = await editor(lid, itemId);
		expect(late.text()).toBe('Leiden heeft tot 2029 ongeveer 10.000 extra woningen nodig.');
		const lateM = await editor(reader, itemId, 'meerwaarde');
		expect(lateM.text()).toBe('Samen bouwen is sneller.');
	});

	it('keeps the text across a restart of the server (new server, same database)', async () => {
		const itemId = await newItem(t.db, verkenner.actor);
		const a = await editor(verkenner, itemId);
		a.type('Tekst die een herstart overleeft.');
		await a.provider.whenSaved();
		a.close();
		open.splice(open.indexOf(a), 1);

		await server.stop();
		server = await startCollabServer(t);
		const after = await editor(lid, itemId);
		expect(after.text()).toBe('Tekst die een herstart overleeft.');
		after.type(' En verder.');
		await after.provider.whenSaved();
		expect(await storedText(t.db, itemId)).toBe('Tekst die een herstart overleeft. En verder.');
	});

	it('keeps a reload (leave and come back after the document was unloaded) identical', async () => {
		const itemId = await newItem(t.db, verkenner.actor);
		const a = await editor(verkenner, itemId);
		a.type('Eerste versie.');
		await a.provider.whenSaved();
		a.close();
		open.splice(open.indexOf(a), 1);
		await eventually(
			() => server.hub.get(itemId, 'description'),
			(live) => live === undefined
		);
		const again = await editor(verkenner, itemId);
		expect(again.text()).toBe('Eerste versie.');
	});

	it('one editor offline while both type: the texts merge when it reconnects, nothing lost', async () => {
		const itemId = await newItem(t.db, verkenner.actor);
		const a = await editor(verkenner, itemId);
		const b = await editor(lid, itemId);
		a.type('Gedeeld begin. ');
		await eventually(
			() => b.text(),
			(x) => x === 'Gedeeld begin.'
		);

		a.socket.disconnect();
		await eventually(
			() => a.provider.status,
			(s) => s === 'offline'
		);
		a.type('Offline getypt door A. ');
		b.type('Online getypt door B. ', 0);
		await b.provider.whenSaved();
		expect(a.text()).not.toContain('Online');

		a.socket.connect();
		await eventually(
			() => [a.text(), b.text()],
			([x, y]) => x === y && x.includes('Offline') && x.includes('Online')
		);
		await a.provider.whenSaved();
		expect(a.text()).toBe('Online getypt door B. Gedeeld begin. Offline getypt door A.');
		expect(await storedText(t.db, itemId)).toBe(a.text());
	});

	it('refuses an update over 512 KB with a Dutch message and stores nothing; the server keeps running', async () => {
		const itemId = await newItem(t.db, verkenner.actor);
		const a = await editor(verkenner, itemId);
		const before = (await storedRows(t.db, itemId)).length;
		const res = await ask(a.socket, 'collab:sync', { itemId, field: 'description', message: bigUpdate(600 * 1024) });
		expect(res).toMatchObject({ ok: false, code: 'collab_error_too_large' });
		expect(res.error).toMatch(/te groot.*512 kB/);
		// Just under the limit is fine.
		expect(await ask(a.socket, 'collab:sync', { itemId, field: 'description', message: bigUpdate(500 * 1024) })).toEqual({ ok: true });
		expect((await storedRows(t.db, itemId)).length).toBe(before + 1);
		expect(a.socket.connected).toBe(true);

		// Past socket.io's own 1 MB frame limit the connection is dropped; the server itself carries on.
		const dropped = new Promise<void>((resolve) => a.socket.once('disconnect', () => resolve()));
		a.socket.emit('collab:sync', { itemId, field: 'description', message: bigUpdate(1200 * 1024) });
		await dropped;
		expect((await storedRows(t.db, itemId)).length).toBe(before + 1);
		const next = await editor(lid, itemId);
		expect(next.text().length).toBe(500 * 1024);
	});

	// (Half a character cannot travel in a Yjs update at all: its UTF-8 encoding makes it U+FFFD.)
	it('refuses text, marks or attributes with a NUL or another control character in Dutch, relays and stores nothing', async () => {
		const itemId = await newItem(t.db, verkenner.actor);
		const a = await editor(verkenner, itemId);
		const b = await editor(lid, itemId);
		await sameParagraph(a, b);
		a.type('Goed.');
		await eventually(
			() => storedText(t.db, itemId),
			(s) => s === 'Goed.'
		);
		const rows = (await storedRows(t.db, itemId)).length;
		const forged = (change: (doc: Y.Doc) => void) => {
			const doc = new Y.Doc();
			Y.applyUpdate(doc, Y.encodeStateAsUpdate(a.doc));
			const before = Y.encodeStateVector(doc);
			change(doc);
			const enc = encoding.createEncoder();
			syncProtocol.writeUpdate(enc, Y.encodeStateAsUpdate(doc, before));
			return encoding.toUint8Array(enc);
		};
		for (const change of [
			(doc: Y.Doc) => typeInto(doc, 'description', ' nul\u0000teken'),
			(doc: Y.Doc) => typeInto(doc, 'description', ' vet', undefined, { bold: { note: 'x\u0001' } }),
			(doc: Y.Doc) => (doc.getXmlFragment('description').get(0) as Y.XmlElement).setAttribute('data\u0000', 'x')
		]) {
			const res = await ask(a.socket, 'collab:sync', { itemId, field: 'description', message: forged(change) });
			expect(res).toMatchObject({ ok: false, code: 'collab_error_characters' });
			expect(res.error).toMatch(/teken dat niet is toegestaan/);
		}
		await sleep(150);
		expect(b.text()).toBe('Goed.');
		expect((await storedRows(t.db, itemId)).length).toBe(rows);
		expect(a.socket.connected).toBe(true);
	});

	it('refuses malformed messages, stores nothing and answers every one', async () => {
		const itemId = await newItem(t.db, verkenner.actor);
		const a = await editor(verkenner, itemId);
		const malformed: unknown[] = [
			{ itemId, field: 'description', message: new Uint8Array([2, 200, 1, 2, 3]) }, // update with a lying length
			{ itemId, field: 'description', message: new Uint8Array([2, 5, 255, 255, 255, 255, 255]) }, // not a Yjs update
			{ itemId, field: 'description', message: new Uint8Array([9, 1, 0]) }, // unknown message type
			{ itemId, field: 'description', message: 'AA=C' }, // not base64
			{ itemId, field: 'description', message: 'Ag==Ag==' }, // padding in the middle
			{ itemId, field: 'description', message: [2, 1, 0] },
			{ itemId, field: 'titel', message: new Uint8Array([0, 0]) }, // unknown field
			{ itemId: 'item-1', field: 'description', message: new Uint8Array([0, 0]) },
			null,
			'hallo'
		];
		for (const payload of malformed) {
			const res = await ask(a.socket, 'collab:sync', payload);
			expect(res, JSON.stringify(payload)).toMatchObject({ ok: false, code: 'collab_error_malformed' });
			expect(res.error).toBe('Deze wijziging werd niet begrepen en is niet opgeslagen.');
		}
		expect(await ask(a.socket, 'collab:awareness', { itemId, field: 'description', update: new Uint8Array([1, 1, 1, 3, 123, 123]) })).toMatchObject({
			ok: false,
			code: 'collab_error_malformed'
		});
		expect(await ask(a.socket, 'collab:join', { itemId: '5b0c7a5e-0000-4000-8000-000000000000', field: 'description' })).toMatchObject({
			ok: false,
			code: 'collab_error_not_found'
		});
		expect(await storedRows(t.db, itemId)).toHaveLength(0);
		// Still alive and well.
		a.type('Nog steeds in orde.');
		await a.provider.whenSaved();
		expect(await storedText(t.db, itemId)).toBe('Nog steeds in orde.');
	});

	it('a reader receives the text live but cannot write', async () => {
		const itemId = await newItem(t.db, verkenner.actor);
		const a = await editor(verkenner, itemId);
		const r = await editor(reader, itemId);
		expect(r.provider.canEdit).toBe(false);
		expect(a.provider.canEdit).toBe(true);
		a.type('Alleen de verkenner schrijft.');
		await eventually(
			() => r.text(),
			(x) => x === 'Alleen de verkenner schrijft.'
		);

		const sneaky = new Y.Doc();
		Y.applyUpdate(sneaky, Y.encodeStateAsUpdate(r.doc));
		const sv = Y.encodeStateVector(sneaky);
		typeInto(sneaky, 'description', ' Ingebroken!');
		const enc = encoding.createEncoder();
		syncProtocol.writeUpdate(enc, Y.encodeStateAsUpdate(sneaky, sv));
		const res = await ask(r.socket, 'collab:sync', { itemId, field: 'description', message: encoding.toUint8Array(enc) });
		expect(res).toMatchObject({ ok: false, code: 'collab_error_read_only' });
		expect(res.error).toBe('U mag deze tekst lezen, maar niet wijzigen.');
		await sleep(100);
		expect(a.text()).toBe('Alleen de verkenner schrijft.');
		await server.hub.get(itemId, 'description')?.settled();
		expect(await storedText(t.db, itemId)).toBe('Alleen de verkenner schrijft.');
	});

	it('refuses a document to someone who may not read items', async () => {
		const itemId = await newItem(t.db, verkenner.actor);
		const nobody = await newUser(t.db, []);
		await expect(openEditor(server, t, nobody.id, itemId)).rejects.toMatchObject({ code: 'collab_error_forbidden' });
	});

	it('compaction merges the stored rows and keeps the content identical', async () => {
		Object.assign(server.hub.options, { compactAfterRows: 10 });
		try {
			const itemId = await newItem(t.db, verkenner.actor);
			const a = await editor(verkenner, itemId);
			const b = await editor(lid, itemId);
			await sameParagraph(a, b);
			for (let i = 0; i < 60; i++) {
				(i % 2 ? a : b).type(String(i % 10), i % 3 === 0 ? 0 : undefined);
				if (i % 7 === 0) await sleep(3);
			}
			await Promise.all([a.provider.whenSaved(), b.provider.whenSaved()]);
			await eventually(
				() => [a.text(), b.text()],
				([x, y]) => x === y && x.length === 60
			);
			const rows = await eventually(
				() => storedRows(t.db, itemId),
				(r) => r.length <= 11
			);
			expect(rows.length).toBeLessThanOrEqual(11);
			expect(rows.some((r) => r.userId === null)).toBe(true); // the merged row
			expect(await storedText(t.db, itemId)).toBe(a.text());
			const late = await editor(reader, itemId);
			expect(late.text()).toBe(a.text());
		} finally {
			Object.assign(server.hub.options, { compactAfterRows: 500 });
		}
	});

	it('someone who opens the document while changes wait for their group commit gets them too', async () => {
		const window = server.hub.options.batchWindowMs;
		Object.assign(server.hub.options, { batchWindowMs: 1500 });
		try {
			const itemId = await newItem(t.db, verkenner.actor);
			const a = await editor(verkenner, itemId);
			a.type('Getypt vlak voordat Karel binnenkwam.');
			// The change is relayed at once but stored only after the window: Karel arrives in between.
			const late = await editor(lid, itemId);
			expect((await storedRows(t.db, itemId)).length).toBe(0);
			await eventually(
				() => late.text(),
				(text) => text === a.text(),
				2000
			);
			await a.provider.whenSaved();
			expect(await storedText(t.db, itemId)).toBe(a.text());
		} finally {
			Object.assign(server.hub.options, { batchWindowMs: window });
		}
	});

	it('compaction leaves alone the rows another process stored for the same document', async () => {
		Object.assign(server.hub.options, { compactAfterRows: 10 });
		try {
			const itemId = await newItem(t.db, verkenner.actor);
			const a = await editor(verkenner, itemId);
			a.type('Hier.');
			await a.provider.whenSaved();
			// Another app node on the same database stores a change this process never applied.
			const elsewhere = new Y.Doc();
			for (const r of await storedRows(t.db, itemId)) Y.applyUpdate(elsewhere, r.update);
			const before = Y.encodeStateVector(elsewhere);
			typeInto(elsewhere, 'description', ' Daar.');
			const [foreignId] = await appendUpdates(t.db, itemId, 'description', [{ update: Y.encodeStateAsUpdate(elsewhere, before), userId: lid.id }]);
			for (let i = 0; i < 30; i++) {
				a.type(String(i % 10), 0);
				if (i % 5 === 0) await sleep(3);
			}
			await a.provider.whenSaved();
			// Compacted (a merged row without a user), and the other node's row is still there.
			const rows = await eventually(
				() => storedRows(t.db, itemId),
				(r) => r.some((row) => row.userId === null) && r.length <= 12
			);
			expect(rows.map((r) => r.id)).toContain(foreignId);
			expect(await storedText(t.db, itemId)).toBe(`${a.text()} Daar.`);
		} finally {
			Object.assign(server.hub.options, { compactAfterRows: 500 });
		}
	});

	it('records one audit row per editing burst, not per keystroke', async () => {
		const itemId = await newItem(t.db, verkenner.actor);
		const a = await editor(verkenner, itemId);
		const b = await editor(lid, itemId);
		for (let i = 0; i < 25; i++) {
			a.type('x');
			b.type('y');
		}
		await Promise.all([a.provider.whenSaved(), b.provider.whenSaved()]);
		const rows = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.objectId, itemId), eq(auditEvents.action, 'item.text_edited')));
		expect(rows.map((r) => r.actorLabel).sort()).toEqual(['Karel Klankbord', 'Vera Verkenner']);
		expect(rows[0]).toMatchObject({ objectType: 'agenda_item', result: 'success', details: { field: 'description' } });
	});

	it('shows who is here with name and municipality as the server knows them, whatever a client claims', async () => {
		const itemId = await newItem(t.db, verkenner.actor);
		const a = await editor(verkenner, itemId);
		const b = await editor(lid, itemId);
		b.provider.awareness.setLocalStateField('user', { name: 'De Burgemeester', color: '#000000' });
		b.provider.awareness.setLocalStateField('cursor', null);
		const seen = await eventually(
			() => [...a.provider.awareness.getStates().values()].map((s) => s.user),
			(users) => users.some((u) => u?.userId === lid.id)
		);
		expect(seen.find((u) => u?.userId === lid.id)).toMatchObject({ name: 'Karel Klankbord', municipality: 'Oegstgeest' });
		expect(JSON.stringify(seen)).not.toContain('Burgemeester');

		// Joining again on the same connection (a resync) keeps its presence working.
		await new Promise<void>((resolve) => {
			b.provider.once('synced', () => resolve());
			b.provider.join();
		});
		b.provider.awareness.setLocalStateField('cursor', null);
		expect(
			await ask(b.socket, 'collab:awareness', { itemId, field: 'description', update: encodeAwarenessUpdate(b.provider.awareness, [b.doc.clientID]) })
		).toEqual({ ok: true });

		// A later joiner sees the presence too; a leaver disappears.
		const c = await editor(reader, itemId);
		await eventually(
			() => [...c.provider.awareness.getStates().values()].map((s) => s.user?.name),
			(names) => names.includes('Karel Klankbord')
		);
		b.close();
		open.splice(open.indexOf(b), 1);
		await eventually(
			() => [...a.provider.awareness.getStates().values()].map((s) => s.user?.name),
			(names) => !names.includes('Karel Klankbord')
		);
	});

	it('restoring a version shows the restored text in the open editors and keeps it stored', async () => {
		const itemId = await newItem(t.db, verkenner.actor);
		const a = await editor(verkenner, itemId);
		a.type('Versie een.');
		await a.provider.whenSaved();
		await eventually(
			() => t.db.select({ text: agendaItems.descriptionText }).from(agendaItems).where(eq(agendaItems.id, itemId)),
			([r]) => r.text === 'Versie een.'
		);
		const { version } = await captureVersion(t.db, verkenner.actor, { itemId }, testOrigin);
		a.type(' Daarna toegevoegd.');
		await a.provider.whenSaved();
		await eventually(
			() => t.db.select({ text: agendaItems.descriptionText }).from(agendaItems).where(eq(agendaItems.id, itemId)),
			([r]) => r.text.endsWith('toegevoegd.')
		);
		await restoreVersion(t.db, verkenner.actor, { itemId, number: version.number }, testOrigin);
		await eventually(
			() => a.text(),
			(x) => x === 'Versie een.'
		);
		expect(await storedText(t.db, itemId)).toBe('Versie een.');
		await sleep(150);
		const [row] = await t.db.select().from(agendaItems).where(eq(agendaItems.id, itemId));
		expect(row.descriptionText).toBe('Versie een.');
	});

	it('restoring a version with nobody in the editor rewrites the stored document too', async () => {
		const itemId = await newItem(t.db, verkenner.actor);
		const a = await editor(verkenner, itemId);
		a.type('Oude tekst.');
		await a.provider.whenSaved();
		await eventually(
			() => t.db.select({ text: agendaItems.descriptionText }).from(agendaItems).where(eq(agendaItems.id, itemId)),
			([r]) => r.text === 'Oude tekst.'
		);
		const { version } = await captureVersion(t.db, verkenner.actor, { itemId }, testOrigin);
		a.type(' Nieuwe tekst.');
		await a.provider.whenSaved();
		a.close();
		open.splice(open.indexOf(a), 1);
		await eventually(
			() => server.hub.get(itemId, 'description'),
			(live) => live === undefined
		);
		await restoreVersion(t.db, verkenner.actor, { itemId, number: version.number }, testOrigin);
		expect(await storedText(t.db, itemId)).toBe('Oude tekst.');
		const again = await editor(lid, itemId);
		expect(again.text()).toBe('Oude tekst.');
	});

	it('answers a message for a document the connection did not join', async () => {
		const itemId = await newItem(t.db, verkenner.actor);
		const { cookie } = await sessionCookie(t, verkenner.id);
		const s = pageSocket(server.url, cookie);
		await new Promise<void>((r) => s.on('connect', () => r()));
		const res = await ask(s, 'collab:sync', { itemId, field: 'description', message: new Uint8Array([0, 1, 0]) });
		expect(res).toMatchObject({ ok: false, code: 'collab_error_not_joined' });
		s.close();
	});
});
