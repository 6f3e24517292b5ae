/**
 * The agenda overview's unread counts go up live. A new shared comment is announced (without text)
 * in room `agenda`; an internal one only to the members of the writer's municipality, never to others in
 * `agenda`. The overview's numbers after a reload agree with what was announced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, type NewUser } from '../../fixtures/factories';
import { connectAs as connectUser, emitAck, startRealtimeServer, type RealtimeServer } from '../../fixtures/realtime-server';
import { newItem } from '../agenda/helpers';
import { markItemRead, unreadCounts } from '../../../src/lib/server/modules/comments';

let t: TestDb;
let server: RealtimeServer;
let verkenner: NewUser, leiden: NewUser, leiden2: NewUser, oegstgeest: NewUser;
let itemId: string;

beforeAll(async () => {
	t = await testDb();
	server = await startRealtimeServer(t);
	verkenner = await newUser(t.db, [['verkenner', null]]);
	leiden = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
	leiden2 = await newUser(t.db, [['meelezer', 'leiden']]);
	oegstgeest = await newUser(t.db, [['klankbordgroeplid', 'oegstgeest']]);
	itemId = await newItem(t.db, verkenner.actor);
});
afterAll(async () => {
	await server.close();
	await destroy(t);
});

const emit = emitAck;
const connectAs = (u: NewUser) => connectUser(server, t, u.id);

/** A client on the agenda overview: joined room `agenda`, recording `comments:activity`. */
async function onOverview(u: NewUser) {
	const s = await connectAs(u);
	expect(await emit(s, 'room:join', { room: 'agenda' })).toMatchObject({ ok: true });
	const seen: any[] = [];
	s.on('comments:activity', (e) => seen.push(e));
	return { s, seen };
}

describe('live unread counts on the agenda overview', () => {
	it('announces a shared comment to everyone on the overview, an internal one only inside its municipality, never the text', async () => {
		const [writer, colleague, other, regional] = await Promise.all([onOverview(leiden), onOverview(leiden2), onOverview(oegstgeest), onOverview(verkenner)]);
		for (const u of [leiden2, oegstgeest, verkenner]) await markItemRead(t.db, u.actor, itemId);

		const shared = await emit(writer.s, 'comment:post', { id: randomUUID(), itemId, body: 'Gedeelde opmerking' });
		const internal = await emit(writer.s, 'comment:post', { id: randomUUID(), itemId, body: 'Geheime overweging', visibility: 'internal' });
		expect([shared.ok, internal.ok]).toEqual([true, true]);
		await new Promise((r) => setTimeout(r, 200));

		const sharedEvent = { itemId, commentId: shared.data.id, authorId: leiden.id };
		const internalEvent = { itemId, commentId: internal.data.id, authorId: leiden.id };
		expect(colleague.seen).toEqual([sharedEvent, internalEvent]);
		expect(other.seen).toEqual([sharedEvent]);
		expect(regional.seen).toEqual([sharedEvent]);
		// The writer's own client hears of its shared comment (room `agenda`) and ignores it by authorId.
		expect(writer.seen).toEqual([sharedEvent]);
		for (const c of [writer, colleague, other, regional]) expect(JSON.stringify(c.seen)).not.toMatch(/Geheime|Gedeelde/);

		// What the page shows after a reload agrees with what was announced live.
		expect(await unreadCounts(t.db, leiden2.actor, [itemId])).toEqual({ [itemId]: 2 });
		expect(await unreadCounts(t.db, oegstgeest.actor, [itemId])).toEqual({ [itemId]: 1 });
		expect(await unreadCounts(t.db, leiden.actor, [itemId])).toEqual({});
		// Reading the item resets it.
		await markItemRead(t.db, oegstgeest.actor, itemId);
		expect(await unreadCounts(t.db, oegstgeest.actor, [itemId])).toEqual({});
		for (const c of [writer, colleague, other, regional]) c.s.close();
	});
});
