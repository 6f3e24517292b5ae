/**
 * Rights that change take effect at once: a member whose municipality is taken away stops receiving that
 * municipality's internal comments (and the news of them), on a socket that sends nothing after subscribing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { connectAs, emitAck, startRealtimeServer, type RealtimeServer } from '../../fixtures/realtime-server';
import { newItem } from '../agenda/helpers';
import { newCandidate, newInterview } from '../interviews/helpers';
import { postComment } from '../../../src/lib/server/modules/comments';
import { setRoles } from '../../../src/lib/server/modules/users';

let t: TestDb;
let server: RealtimeServer;
let admin: NewUser, verkenner: NewUser, writer: NewUser, member: NewUser, secondVerkenner: NewUser;
let itemId: string;

beforeAll(async () => {
	t = await testDb();
	server = await startRealtimeServer(t);
	admin = await newUser(t.db, [['administrator', null]]);
	verkenner = await newUser(t.db, [['verkenner', null]]);
	writer = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
	member = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
	secondVerkenner = await newUser(t.db, [['verkenner', null]]);
	itemId = await newItem(t.db, verkenner.actor);
});
afterAll(async () => {
	await server.close();
	await destroy(t);
});

/** Everything the socket hears of comments, from now on. */
function listen(s: Socket) {
	const heard: { event: string; body?: string; commentId?: string }[] = [];
	s.on('comment:changed', (e) => heard.push({ event: 'comment:changed', body: e.comment.body }));
	s.on('comments:activity', (e) => heard.push({ event: 'comments:activity', commentId: e.commentId }));
	return heard;
}

const internal = (body: string) => postComment(t.db, writer.actor, { id: randomUUID(), itemId, body, visibility: 'internal' }, testOrigin);
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('rights that change take effect at once', () => {
	it('a member who leaves a municipality stops hearing its internal comments within a second, without sending anything', async () => {
		const s = await connectAs(server, t, member.id);
		expect(await emitAck(s, 'comments:subscribe', { itemId })).toMatchObject({ ok: true });
		const heard = listen(s);

		// Still a member: the internal comment and the news of it arrive.
		const before = await internal('Interne afweging vóór de wijziging');
		await settle(300);
		expect(heard).toEqual([
			{ event: 'comment:changed', body: 'Interne afweging vóór de wijziging' },
			{ event: 'comments:activity', commentId: before.id }
		]);
		heard.length = 0;

		// The administrator moves the member to another municipality; the socket sends nothing meanwhile.
		await setRoles(t.db, admin.actor, member.id, { grants: ['klankbordgroeplid:oegstgeest'] }, testOrigin);
		await internal('Interne afweging ná de wijziging');
		await settle(1000);
		expect(heard).toEqual([]);
		expect(s.connected).toBe(true);
		s.close();
	});

	it('a refused change of roles leaves the rooms as they were', async () => {
		const s = await connectAs(server, t, writer.id);
		expect(await emitAck(s, 'comments:subscribe', { itemId })).toMatchObject({ ok: true });
		const heard = listen(s);
		// An invalid set of roles is refused: nothing committed, nothing announced, nothing left.
		await expect(setRoles(t.db, admin.actor, writer.id, { grants: ['niet-een-rol'] }, testOrigin)).rejects.toThrow();
		await internal('Nog steeds intern leesbaar');
		await settle(300);
		// The writer hears their own internal comment; the news of it goes only to the others.
		expect(heard.map((h) => h.body ?? h.event)).toEqual(['Nog steeds intern leesbaar']);
		s.close();
	});

	it('a verkenner who loses the role stops hearing of a confidential interview and its overview at once', async () => {
		const secret = await newInterview(t.db, verkenner.actor, { visibility: 'vertrouwelijk' });
		const s = await connectAs(server, t, secondVerkenner.id);
		expect(await emitAck(s, 'interview:join', { interviewId: secret })).toMatchObject({ ok: true });
		expect(await emitAck(s, 'interviews:subscribe', {})).toMatchObject({ ok: true });
		const heard: string[] = [];
		s.on('interview:changed', (e) => heard.push(`interview:${e.kind}`));
		s.on('interviews:changed', (e) => heard.push(`overview:${e.kind}`));

		await newCandidate(t.db, verkenner.actor, secret);
		await settle(300);
		expect(heard).toEqual(['interview:candidate', 'overview:candidates']);
		heard.length = 0;

		await setRoles(t.db, admin.actor, secondVerkenner.id, { grants: ['meelezer:leiden'] }, testOrigin);
		await newCandidate(t.db, verkenner.actor, secret);
		await settle(1000);
		expect(heard).toEqual([]);
		s.close();
	});
});
