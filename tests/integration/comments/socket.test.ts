import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, type NewUser } from '../../fixtures/factories';
import { connectAs as connectUser, emitAck, startRealtimeServer, type RealtimeServer } from '../../fixtures/realtime-server';
import { newItem } from '../agenda/helpers';
import { comments as commentsTable, users } from '../../../src/lib/server/db/schema';

let t: TestDb;
let server: RealtimeServer;
let verkenner: NewUser, leiden: NewUser, oegstgeest: NewUser, admin: NewUser, nobody: NewUser;
let itemId: string;

beforeAll(async () => {
	t = await testDb();
	server = await startRealtimeServer(t);
	verkenner = await newUser(t.db, [['verkenner', null]]);
	leiden = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
	oegstgeest = await newUser(t.db, [['klankbordgroeplid', 'oegstgeest']]);
	admin = await newUser(t.db, [['administrator', null]]);
	// an administrator has 2FA; the session below counts as verified
	await t.db.update(users).set({ totpEnabledAt: new Date() }).where(eq(users.id, admin.id));
	nobody = await newUser(t.db, []);
	itemId = await newItem(t.db, verkenner.actor);
});
afterAll(async () => {
	await server.close();
	await destroy(t);
});

const emit = emitAck;
const connectAs = (u: NewUser) => connectUser(server, t, u.id);
const count = async () => (await t.db.select().from(commentsTable).where(eq(commentsTable.itemId, itemId))).length;

describe('comments over socket.io', () => {
	it('acks after commit with the stored comment; subscribers get it live, internal ones only in their municipality', async () => {
		const a = await connectAs(leiden);
		const b = await connectAs(oegstgeest);
		expect(await emit(a, 'comments:subscribe', { itemId })).toMatchObject({ ok: true, data: { seq: expect.any(Number) } });
		expect(await emit(b, 'comments:subscribe', { itemId })).toMatchObject({ ok: true });
		const seenB: any[] = [];
		const seenA: any[] = [];
		b.on('comment:changed', (e) => seenB.push(e));
		a.on('comment:changed', (e) => seenA.push(e));

		const id = randomUUID();
		const res = await emit(a, 'comment:post', { id, itemId, body: 'Live!' });
		expect(res).toMatchObject({ ok: true, data: { id, body: 'Live!', seq: expect.any(Number) } });
		const [row] = await t.db.select().from(commentsTable).where(eq(commentsTable.id, id));
		expect(row.body).toBe('Live!');

		const internal = await emit(a, 'comment:post', { id: randomUUID(), itemId, body: 'Intern', visibility: 'internal' });
		expect(internal.ok).toBe(true);
		await new Promise((r) => setTimeout(r, 150));
		expect(seenB.map((e) => e.comment.id)).toEqual([id]);
		expect(seenA.map((e) => e.comment.id)).toEqual([id, internal.data.id]);

		// catch-up: B asks for everything since before, and does not get the internal one
		const since = await emit(b, 'comments:since', { itemId, after: 0 });
		expect(since.data.comments.map((c: any) => c.id)).toEqual([id]);
		// a resend of the same id is acknowledged with the same comment and stores nothing new
		const before = await count();
		const heardBefore = seenB.length;
		const again = await emit(a, 'comment:post', { id, itemId, body: 'Live!' });
		expect(again).toMatchObject({ ok: true, data: { id, seq: res.data.seq } });
		expect(await count()).toBe(before);
		// ... and told to the room again: the first answer may have been lost before its event went out
		await new Promise((r) => setTimeout(r, 150));
		expect(seenB.slice(heardBefore)).toMatchObject([{ change: 'created', comment: { id, seq: res.data.seq } }]);
		a.close();
		b.close();
	});

	it('refuses with a reason and stores nothing: empty, too long, forbidden role, malformed, unknown event; stays connected', async () => {
		const s = await connectAs(leiden);
		const before = await count();
		const empty = await emit(s, 'comment:post', { id: randomUUID(), itemId, body: '  ' });
		expect(empty).toMatchObject({ ok: false, code: 'validation_comment_empty', error: 'Een reactie mag niet leeg zijn.' });
		expect(await emit(s, 'comment:post', { id: randomUUID(), itemId, body: 'x'.repeat(10_001) })).toMatchObject({
			ok: false,
			code: 'validation_comment_too_long'
		});
		expect(await emit(s, 'comment:post', 'zomaar tekst')).toMatchObject({ ok: false, code: 'error_socket_message' });
		expect(await emit(s, 'comment:post', null)).toMatchObject({ ok: false, code: 'error_socket_message' });
		expect(await emit(s, 'comment:post', { id: randomUUID(), itemId, body: { evil: true } })).toMatchObject({ ok: false });
		expect(await emit(s, 'comment:edit', { id: 'x' })).toMatchObject({ ok: false });
		expect(await emit(s, 'comments:since', { itemId: 'abc', after: -1 })).toMatchObject({ ok: false });
		expect(await emit(s, 'comment:explode', { itemId })).toMatchObject({ ok: false, code: 'error_socket_message' });
		const adm = await connectAs(admin);
		expect(await emit(adm, 'comment:post', { id: randomUUID(), itemId, body: 'Beheer' })).toMatchObject({ ok: false, code: 'error_forbidden_action' });
		expect(await count()).toBe(before);
		expect(s.connected).toBe(true);
		s.close();
		adm.close();
	});

	it('no subscribing without item.read, no editing someone else’s comment', async () => {
		const n = await connectAs(nobody);
		expect(await emit(n, 'comments:subscribe', { itemId })).toMatchObject({ ok: false, code: 'error_forbidden_action' });
		n.close();
		const a = await connectAs(leiden);
		const b = await connectAs(oegstgeest);
		const mine = await emit(a, 'comment:post', { id: randomUUID(), itemId, body: 'Van Leiden' });
		expect(await emit(b, 'comment:edit', { id: mine.data.id, body: 'Gekaapt' })).toMatchObject({ ok: false, code: 'comments_not_yours' });
		expect(await emit(b, 'comment:delete', { id: mine.data.id })).toMatchObject({ ok: false, code: 'comments_not_yours' });
		const edited = await emit(a, 'comment:edit', { id: mine.data.id, body: 'Van Leiden, bewerkt' });
		expect(edited).toMatchObject({ ok: true, data: { body: 'Van Leiden, bewerkt', revisions: 1 } });
		a.close();
		b.close();
	});

	it('tells others who is typing, and notifies a mentioned person live', async () => {
		const a = await connectAs(leiden);
		const b = await connectAs(oegstgeest);
		await emit(a, 'comments:subscribe', { itemId });
		await emit(b, 'comments:subscribe', { itemId });
		const typing = new Promise<any>((resolve) => b.on('comment:typing', resolve));
		const note = new Promise<any>((resolve) => b.on('notification:new', resolve));
		a.emit('comment:typing', { itemId, parentId: null });
		expect(await typing).toMatchObject({ itemId, user: { id: leiden.id } });
		await emit(a, 'comment:post', { id: randomUUID(), itemId, body: 'Hallo @Otto', mentions: [{ kind: 'user', id: oegstgeest.id }] });
		expect(await note).toMatchObject({ notification: { kind: 'mention' }, unread: 1 });
		a.close();
		b.close();
	});
});
