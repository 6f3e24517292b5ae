/**
 * A scenario's description is co-edited like the item's own texts: its own Yjs document (`scenario:<id>`),
 * seeded from what the scenario was added with, written back to the scenario after a pause, versioned exactly
 * as stored at the freeze (it is signed content), refused once frozen, and open to anchored comments.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { agendaItemVersions, comments as commentsTable, itemScenarios } from '../../../src/lib/server/db/schema';
import { transitionItem } from '../../../src/lib/server/modules/agenda-items';
import * as scenarios from '../../../src/lib/server/modules/scenarios';
import * as comments from '../../../src/lib/server/modules/comments';
import { scenarioTextField } from '../../../src/lib/validation/collab';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { rejection } from '../agenda/helpers';
import { itemWith } from '../decisions/helpers';
import { ask, eventually, openEditor, startCollabServer, storedText, typeInto, type CollabServer, type TestEditor } from './helpers';

let t: TestDb;
let server: CollabServer;
let verkenner: NewUser;
let lid: NewUser;
let griffie: NewUser;
const open: TestEditor[] = [];

beforeAll(async () => {
	t = await testDb();
	server = await startCollabServer(t);
	verkenner = await newUser(t.db, [['verkenner', null]], { name: 'Vera Verkenner' });
	lid = await newUser(t.db, [['klankbordgroeplid', 'leiden']], { name: 'Karel Klankbord' });
	griffie = await newUser(t.db, [['griffie', 'leiden']], { name: 'Gerda Griffie' });
});
afterEach(() => {
	for (const e of open.splice(0)) e.close();
});
afterAll(async () => {
	await server.stop();
	await destroy(t);
});

async function editor(user: NewUser, itemId: string, scenarioId: string) {
	const e = await openEditor(server, t, user.id, itemId, scenarioTextField(scenarioId));
	open.push(e);
	return e;
}

/** An item in bespreking with one scenario that was added with a two-paragraph description. */
async function itemWithScenario(): Promise<{ itemId: string; scenarioId: string }> {
	const itemId = await itemWith(t.db, verkenner.actor, ['leiden']);
	await transitionItem(t.db, verkenner.actor, { itemId, from: 'concept', to: 'in_bespreking' }, testOrigin);
	const { scenarioId } = await scenarios.addScenario(
		t.db,
		verkenner.actor,
		{ itemId, title: 'Integraal samenwerken', description: 'Eén team voor het sociaal domein.\n\nMet <eigen> budget & sturing.' },
		testOrigin
	);
	return { itemId, scenarioId };
}

const scenarioRow = async (id: string) => (await t.db.select().from(itemScenarios).where(eq(itemScenarios.id, id)))[0];

describe("a scenario's description is co-edited", () => {
	it('a new scenario keeps its plain description as escaped HTML, and its document opens with that text', async () => {
		const { itemId, scenarioId } = await itemWithScenario();
		expect(await scenarioRow(scenarioId)).toMatchObject({
			description: 'Eén team voor het sociaal domein.\n\nMet <eigen> budget & sturing.',
			descriptionHtml: '<p>Eén team voor het sociaal domein.</p><p>Met &lt;eigen&gt; budget &amp; sturing.</p>'
		});
		const a = await editor(lid, itemId, scenarioId);
		expect(a.html()).toBe('<p>Eén team voor het sociaal domein.</p><p>Met &lt;eigen&gt; budget &amp; sturing.</p>');
		expect(a.provider.canEdit).toBe(true);
	});

	it('two people type at once; both see both, and the scenario row follows after the pause', async () => {
		const { itemId, scenarioId } = await itemWithScenario();
		const a = await editor(lid, itemId, scenarioId);
		const b = await editor(verkenner, itemId, scenarioId);
		a.type('Leiden: ', 0);
		b.type(' Zo snel mogelijk.');
		const both = (s: string) => s.startsWith('Leiden: Eén team') && s.includes('Zo snel mogelijk.');
		await eventually(() => a.text(), both);
		await eventually(() => b.text(), both);
		const row = await eventually(
			() => scenarioRow(scenarioId),
			(r) => both(r.description)
		);
		expect(row.descriptionHtml).toContain('<p>Leiden: Eén team voor het sociaal domein. Zo snel mogelijk.</p>');
		expect(await storedText(t.db, itemId, scenarioTextField(scenarioId))).toBe(a.text());
		// Changing the option's other fields never overwrites what was co-edited.
		await scenarios.updateScenario(
			t.db,
			verkenner.actor,
			{ scenarioId, title: 'Integraal samenwerken', yearlyCents: 5, description: 'Overschreven' },
			testOrigin
		);
		expect((await scenarioRow(scenarioId)).description).toBe(row.description);
	});

	it('a reader opens it read-only; a scenario of another item, a removed one or a malformed field do not open', async () => {
		const { itemId, scenarioId } = await itemWithScenario();
		const reader = await editor(griffie, itemId, scenarioId);
		expect(reader.provider.canEdit).toBe(false);
		const other = await itemWithScenario();
		await expect(editor(lid, itemId, other.scenarioId)).rejects.toMatchObject({ code: 'collab_error_not_found' });
		await scenarios.removeScenario(t.db, verkenner.actor, { scenarioId: other.scenarioId }, testOrigin);
		await expect(editor(lid, other.itemId, other.scenarioId)).rejects.toMatchObject({ code: 'collab_error_not_found' });
		const res = await ask(reader.socket, 'collab:join', { itemId, field: 'scenario:../../etc' });
		expect(res).toMatchObject({ ok: false, code: 'collab_error_malformed' });
	});
});

describe("the freeze versions the scenarios' descriptions as every editor shows them", () => {
	it('text typed just before the freeze is in the signed version, and it changed the hash', async () => {
		const { itemId, scenarioId } = await itemWithScenario();
		const a = await editor(lid, itemId, scenarioId);
		// No snapshot before the freeze: only the stored document has the new text.
		Object.assign(server.hub.options, { snapshotDebounceMs: 600_000, snapshotMaxWaitMs: 600_000 });
		try {
			a.type(' Besluit in maart.');
			await eventually(
				() => storedText(t.db, itemId, scenarioTextField(scenarioId)),
				(s) => s === a.text()
			);
			await server.hub.get(itemId, scenarioTextField(scenarioId))?.settled();
			expect((await scenarioRow(scenarioId)).description).not.toContain('Besluit in maart.');
			const { version } = await transitionItem(t.db, verkenner.actor, { itemId, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' }, testOrigin);
			const versions = await t.db.select().from(agendaItemVersions).where(eq(agendaItemVersions.itemId, itemId));
			const frozen = versions.find((v) => v.number === version)!;
			const option = JSON.parse(frozen.content).scenarios.options[0];
			expect(option.description).toContain('Besluit in maart.');
			expect(option.descriptionHtml).toContain('Besluit in maart.');
			expect((await scenarioRow(scenarioId)).description).toContain('Besluit in maart.');
			// The hash the colleges sign is over exactly this content, the typed text included.
			expect(frozen.contentHash).toBe(createHash('sha256').update(frozen.content).digest('hex'));
		} finally {
			Object.assign(server.hub.options, { snapshotDebounceMs: 50, snapshotMaxWaitMs: 500 });
		}
	});

	it('once frozen, a change to a scenario description is refused and not stored', async () => {
		const { itemId, scenarioId } = await itemWithScenario();
		const field = scenarioTextField(scenarioId);
		const a = await editor(lid, itemId, scenarioId);
		await transitionItem(t.db, verkenner.actor, { itemId, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' }, testOrigin);
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(a.doc));
		const sv = Y.encodeStateVector(copy);
		typeInto(copy, field, 'Toch nog gewijzigd! ');
		const enc = encoding.createEncoder();
		syncProtocol.writeUpdate(enc, Y.encodeStateAsUpdate(copy, sv));
		const res = await ask(a.socket, 'collab:sync', { itemId, field, message: encoding.toUint8Array(enc) });
		expect(res).toMatchObject({ ok: false, code: 'collab_error_frozen' });
		expect(await storedText(t.db, itemId, field)).not.toContain('Toch nog gewijzigd');
	});
});

describe("comments on a passage of a scenario's description", () => {
	const anchorIn = (doc: Y.Doc, field: string, from: number, to: number, quote: string) => {
		const text = (doc.getXmlFragment(field).get(0) as Y.XmlElement).get(0) as Y.XmlText;
		const pos = (i: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i))).toString('base64');
		return { field, start: pos(from), end: pos(to), quote };
	};

	it("are stored anchored to that scenario; a passage of another item's scenario is refused and nothing is stored", async () => {
		const { itemId, scenarioId } = await itemWithScenario();
		const a = await editor(lid, itemId, scenarioId);
		const anchor = anchorIn(a.doc, scenarioTextField(scenarioId), 4, 8, 'team');
		const c = await comments.postComment(t.db, lid.actor, { id: randomUUID(), itemId, body: 'Welk team precies?', anchor }, testOrigin);
		expect(c.anchor).toMatchObject({ field: scenarioTextField(scenarioId), quote: 'team' });
		const listed = await comments.listComments(t.db, verkenner.actor, itemId);
		expect(listed.comments.find((x) => x.id === c.id)?.anchor?.field).toBe(scenarioTextField(scenarioId));

		const other = await itemWithScenario();
		const id = randomUUID();
		const refused = await rejection(
			comments.postComment(
				t.db,
				lid.actor,
				{ id, itemId, body: 'Verkeerd scenario', anchor: { ...anchor, field: scenarioTextField(other.scenarioId) } },
				testOrigin
			)
		);
		expect(refused.key).toBe('validation_comment_anchor');
		expect(await t.db.select().from(commentsTable).where(eq(commentsTable.id, id))).toEqual([]);
	});
});
