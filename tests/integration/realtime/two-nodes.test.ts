/**
 * Two app nodes on one PostgreSQL, in one process: two socket.io servers, each with its own PostgreSQL adapter
 * (its own connections, LISTEN/NOTIFY), its own co-editing hub and its own copies of the documents. What one
 * node's clients do reaches the other node's clients, and the nodes' rules and stored documents stay one.
 * (The same with real processes behind a proxy: tests/e2e/two-nodes.test.ts.)
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { eq } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { authSessions } from '../../../src/lib/server/db/schema';
import { logout } from '../../../src/lib/server/auth/logout';
import { transitionItem } from '../../../src/lib/server/modules/agenda-items';
import { postComment } from '../../../src/lib/server/modules/comments';
import { setRoles } from '../../../src/lib/server/modules/users';
import { sessionWatch } from '../../../src/lib/server/realtime/session-watch';
import { joinCluster } from '../../../src/lib/server/realtime/cluster';
import { createIo } from '../../../src/lib/server/realtime/io.js';
import type { Io } from '../../../src/lib/server/realtime/socket-types';
import { destroy, testBackend, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { client, emitAck, sessionCookie } from '../../fixtures/realtime-server';
import { newItem } from '../agenda/helpers';
import { ask, eventually, openEditor, startCollabServer, storedRows, storedText, typeInto, type CollabServer, type TestEditor } from '../collab/helpers';

const onPostgres = testBackend === 'postgres';
let t: TestDb;
let nodeA: CollabServer;
let nodeB: CollabServer;
let verkenner: NewUser;
let lid: NewUser;
const open: (TestEditor | Socket)[] = [];
const recheck = sessionWatch.recheckMs;

beforeAll(async () => {
	if (!onPostgres) return;
	// The sweep of passive connections starts with the servers: fast here, a minute in production.
	sessionWatch.recheckMs = 200;
	t = await testDb();
	nodeA = await startCollabServer(t, { compactAfterRows: 6 });
	nodeB = await startCollabServer(t, { compactAfterRows: 6 });
	verkenner = await newUser(t.db, [['verkenner', null]], { name: 'Vera Verkenner' });
	lid = await newUser(t.db, [['klankbordgroeplid', 'leiden']], { name: 'Lotte Lid' });
	// Each adapter learns of the other through its heartbeat.
	for (const node of [nodeA, nodeB]) {
		await eventually(
			() => node.io.of('/').adapter.serverCount(),
			(n) => n === 2,
			15_000
		);
	}
});
afterEach(() => {
	for (const o of open.splice(0)) o.close();
});
afterAll(async () => {
	sessionWatch.recheckMs = recheck;
	if (!onPostgres) return;
	await nodeA.stop();
	await nodeB.stop();
	await destroy(t);
});

async function connect(node: CollabServer, user: NewUser): Promise<{ socket: Socket; sessionId: string }> {
	const { cookie, sessionId } = await sessionCookie(t, user.id, true);
	const socket = await client(node.url, { origin: node.url, cookie });
	open.push(socket);
	return { socket, sessionId };
}

async function editor(node: CollabServer, user: NewUser, itemId: string): Promise<TestEditor> {
	const e = await openEditor(node, t, user.id, itemId);
	open.push(e);
	return e;
}

async function discussedItem(): Promise<string> {
	const id = await newItem(t.db, verkenner.actor);
	await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'concept', to: 'in_bespreking' }, testOrigin);
	return id;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!onPostgres)('two app nodes on one PostgreSQL', () => {
	it('a comment posted through node A reaches a subscriber on node B at once', async () => {
		const itemId = await discussedItem();
		const a = await connect(nodeA, lid);
		const b = await connect(nodeB, verkenner);
		expect(await emitAck(a.socket, 'comments:subscribe', { itemId })).toMatchObject({ ok: true });
		expect(await emitAck(b.socket, 'comments:subscribe', { itemId })).toMatchObject({ ok: true });
		const heard: string[] = [];
		b.socket.on('comment:changed', (e) => heard.push(e.comment.body));
		const id = randomUUID();
		expect(await emitAck(a.socket, 'comment:post', { id, itemId, body: 'Via node A' })).toMatchObject({ ok: true });
		await eventually(
			() => heard,
			(h) => h.includes('Via node A'),
			3000
		);
		expect(heard).toEqual(['Via node A']);
	});

	it('logout on one node ends the connections of that login on both nodes within a second', async () => {
		const a = await connect(nodeA, lid);
		const { cookie } = { cookie: a.socket.io.opts.extraHeaders?.cookie as string };
		const b = await client(nodeB.url, { origin: nodeB.url, cookie });
		open.push(b);
		const ended: string[] = [];
		a.socket.on('session:ended', (e) => ended.push(`a:${e.reason}`));
		b.on('session:ended', (e) => ended.push(`b:${e.reason}`));
		const started = Date.now();
		await logout(t.db, { userId: lid.id, name: lid.name }, a.sessionId, testOrigin);
		await eventually(
			() => [a.socket.connected, b.connected],
			([x, y]) => !x && !y,
			1000
		);
		expect(Date.now() - started).toBeLessThan(1000);
		expect(ended.sort()).toEqual(['a:logout', 'b:logout']);
	});

	it('a member whose municipality is taken away stops hearing its internal comments on the other node too', async () => {
		const itemId = await discussedItem();
		const admin = await newUser(t.db, [['administrator', null]]);
		const member = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
		// The member listens on node A; the change of roles is handled where the bus runs, and reaches it through the adapter.
		const a = await connect(nodeA, member);
		expect(await emitAck(a.socket, 'comments:subscribe', { itemId })).toMatchObject({ ok: true });
		const heard: string[] = [];
		a.socket.on('comment:changed', (e) => heard.push(e.comment.body));
		const internal = (body: string) => postComment(t.db, lid.actor, { id: randomUUID(), itemId, body, visibility: 'internal' }, testOrigin);

		await internal('Intern vóór');
		await eventually(
			() => heard,
			(h) => h.includes('Intern vóór'),
			3000
		);
		await setRoles(t.db, admin.actor, member.id, { grants: ['klankbordgroeplid:oegstgeest'] }, testOrigin);
		await internal('Intern ná');
		await sleep(1000);
		expect(heard).toEqual(['Intern vóór']);
		expect(a.socket.connected).toBe(true);
	});

	it('when another node dies without a word, the pages on this node are told to catch up', async () => {
		const a = await connect(nodeA, lid);
		const told: string[] = [];
		a.socket.on('realtime:resync', (e) => told.push(e.reason));
		// A third node joins, then its connections end at once: no goodbye, only silence (as after a SIGKILL).
		const ioC = createIo() as unknown as Io;
		const endC = joinCluster(ioC, t.url!, { nodeLost: () => {}, recovered: () => {} });
		await eventually(
			() => nodeA.io.of('/').adapter.serverCount(),
			(n) => n === 3,
			15_000
		);
		// (The pool refuses new queries at once; it ends for good once the listening connection is released below.)
		const ended = endC();
		await eventually(
			() => told,
			(r) => r.length > 0,
			20_000
		);
		expect(told).toEqual(['node_lost']);
		// Never attached to an HTTP server: closing its adapter releases the listening connection.
		void ioC.of('/').adapter.close();
		await ended;
	}, 30_000);

	it('a connection that sends nothing is ended when its login is over, whichever node it is on', async () => {
		const b = await connect(nodeB, lid);
		const ended: string[] = [];
		b.socket.on('session:ended', (e) => ended.push(e.reason));
		// The session ends without any announcement (as an expiry does): only the sweep can notice.
		await t.db.delete(authSessions).where(eq(authSessions.id, b.sessionId));
		await eventually(
			() => b.socket.connected,
			(c) => !c,
			3000
		);
		expect(ended).toEqual(['expired']);
	});

	it('editors on two nodes converge, a late joiner on either node gets everything, and the stored rows give the same text', async () => {
		const itemId = await discussedItem();
		const a = await editor(nodeA, verkenner, itemId);
		const b = await editor(nodeB, lid, itemId);
		a.type('');
		await eventually(
			() => b.doc.getXmlFragment('description').length,
			(n) => n === 1
		);
		// More rows than the compaction threshold on both nodes: each compacts what it knows, beside the other's appends.
		for (let i = 0; i < 12; i++) {
			a.type(` a${i}`);
			b.type(`b${i} `, 0);
			await sleep(30);
		}
		const both = (s: string) => [...Array(12).keys()].every((i) => s.includes(`a${i}`) && s.includes(`b${i}`));
		await eventually(() => a.text(), both);
		await eventually(
			() => b.text(),
			(s) => s === a.text()
		);
		const lateA = await editor(nodeA, lid, itemId);
		const lateB = await editor(nodeB, verkenner, itemId);
		// Joined while node A's last changes may still be on their way to node B's copy: they follow at once.
		for (const late of [lateA, lateB]) {
			await eventually(
				() => late.text(),
				(s) => s === a.text(),
				2000
			);
		}
		await eventually(
			() => storedText(t.db, itemId),
			(s) => s === a.text()
		);
		expect((await storedRows(t.db, itemId)).length).toBeLessThan(24);
	});

	it('someone joining on node B while a change from node A waits for its commit still gets it', async () => {
		const itemId = await discussedItem();
		const a = await editor(nodeA, verkenner, itemId);
		a.type('Eerste zin.');
		await eventually(
			() => storedText(t.db, itemId),
			(s) => s === 'Eerste zin.'
		);
		// A long group commit on node A: the change is relayed at once but stored a while later.
		nodeA.hub.options.batchWindowMs = 400;
		a.type(' Tweede zin.');
		await sleep(50);
		const late = await editor(nodeB, lid, itemId);
		const seen = await eventually(
			() => late.text(),
			(s) => s === 'Eerste zin. Tweede zin.',
			3000
		);
		nodeA.hub.options.batchWindowMs = 100;
		expect(seen).toBe(a.text());
	});

	it('who is editing on node A is shown to someone who opens the document on node B', async () => {
		const itemId = await discussedItem();
		const a = await editor(nodeA, verkenner, itemId);
		a.provider.awareness.setLocalStateField('cursor', null);
		await eventually(
			() => nodeA.hub.get(itemId, 'description')?.awareness.getStates().size ?? 0,
			(n) => n > 0
		);
		// Nobody has the document open on node B yet: node B asks node A who is in it when it opens it.
		expect(nodeB.hub.get(itemId, 'description')).toBeUndefined();
		const b = await editor(nodeB, lid, itemId);
		const names = () => [...b.provider.awareness.getStates().values()].map((s) => (s as { user?: { name: string } }).user?.name).filter(Boolean);
		await eventually(names, (n) => n.includes('Vera Verkenner'), 3000);
	});

	it('the freeze on one node stops changes on the other before they are relayed', async () => {
		const itemId = await discussedItem();
		const a = await editor(nodeA, lid, itemId);
		const b = await editor(nodeB, verkenner, itemId);
		a.type('Vastgelegd.');
		await eventually(
			() => storedText(t.db, itemId),
			(s) => s === 'Vastgelegd.'
		);
		await eventually(
			() => b.text(),
			(s) => s === 'Vastgelegd.'
		);
		// The freeze runs where the verkenner's request lands; node A hears of it from node B.
		await transitionItem(t.db, verkenner.actor, { itemId, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' }, testOrigin);
		await eventually(
			() => nodeA.hub.closed(itemId),
			(closed) => closed,
			3000
		);
		const doc = new Y.Doc();
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(a.doc));
		const before = Y.encodeStateVector(doc);
		typeInto(doc, 'description', ' Toch nog.');
		const forged = Y.encodeStateAsUpdate(doc, before);
		const res = await ask(a.socket, 'collab:sync', { itemId, field: 'description', message: syncUpdate(forged) });
		expect(res).toMatchObject({ ok: false, code: 'collab_error_frozen' });
		await sleep(300);
		expect(b.text()).toBe('Vastgelegd.');
		expect(await storedText(t.db, itemId)).toBe('Vastgelegd.');
	});
});

/** A y-protocols "update" message around a Yjs update, as the editor sends it. */
function syncUpdate(update: Uint8Array): Uint8Array {
	const enc = encoding.createEncoder();
	syncProtocol.writeUpdate(enc, update);
	return encoding.toUint8Array(enc);
}
