import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { eq } from 'drizzle-orm';
import { users } from '../../../src/lib/server/db/schema';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { connectAs as connectUser, emitAck, startRealtimeServer, type RealtimeServer } from '../../fixtures/realtime-server';
import * as meetings from '../../../src/lib/server/modules/meetings';
import { cast, plannedMeeting, rewindTimer, type Cast } from './helpers';

let t: TestDb;
let server: RealtimeServer;
let c: Cast;
let nobody: NewUser;
const open: Socket[] = [];

beforeAll(async () => {
	t = await testDb();
	server = await startRealtimeServer(t);
	c = await cast(t.db);
	nobody = await newUser(t.db, []);
	// a college member has 2FA; the session below counts as verified
	await t.db.update(users).set({ totpEnabledAt: new Date() }).where(eq(users.id, c.collegeLeiden.id));
});
afterAll(async () => {
	for (const s of open) s.close();
	await server.close();
	await destroy(t);
});

const emit = emitAck;
const connectAs = async (u: NewUser) => {
	const s = await connectUser(server, t, u.id);
	open.push(s);
	return s;
};
/** The next `meeting:state` this socket receives. */
const nextState = (s: Socket) => new Promise<any>((resolve) => s.once('meeting:state', resolve));

describe('sessions over socket.io', () => {
	it('only the chair drives: others are refused with a reason and nothing moves; followers get the new state live', async () => {
		const id = await plannedMeeting(t.db, c, c.kbLeiden.actor);
		const chair = await connectAs(c.kbLeiden);
		const verkenner = await connectAs(c.verkenner);
		const member = await connectAs(c.kbOegstgeest);
		for (const s of [chair, verkenner, member])
			expect(await emit(s, 'meeting:join', { meetingId: id })).toMatchObject({ ok: true, data: { meetingId: id, status: 'gepland' } });

		const refusedStart = await emit(verkenner, 'meeting:drive', { meetingId: id, action: 'start' });
		expect(refusedStart).toMatchObject({ ok: false, code: 'meetings_not_the_chair' });
		expect(refusedStart.error).toContain('voorzitter');

		const seen = nextState(member);
		const started = await emit(chair, 'meeting:drive', { meetingId: id, action: 'start' });
		expect(started).toMatchObject({ ok: true, data: { status: 'live' } });
		const live = await seen;
		expect(live).toMatchObject({ seq: started.data.seq, currentEntryId: started.data.entries[0].id });

		for (const [s, action] of [
			[member, 'next'],
			[verkenner, 'next'],
			[member, 'close'],
			[verkenner, 'pause']
		] as const) {
			expect(await emit(s, 'meeting:drive', { meetingId: id, action })).toMatchObject({ ok: false, code: 'meetings_not_the_chair' });
		}
		expect(await emit(member, 'meeting:minute', { id: crypto.randomUUID(), meetingId: id, itemId: null, kind: 'besproken', body: 'x' })).toMatchObject({
			ok: false,
			code: 'meetings_not_the_chair'
		});
		expect((await meetings.meetingState(t.db, c.verkenner.actor, id)).currentEntryId).toBe(live.currentEntryId);

		const moved = nextState(member);
		const next = await emit(chair, 'meeting:drive', { meetingId: id, action: 'next' });
		expect(next.ok).toBe(true);
		expect((await moved).currentEntryId).toBe(live.entries[1].id);
		// an entry that is not on this session's agenda; a malformed command
		expect(await emit(chair, 'meeting:drive', { meetingId: id, action: 'goto', entryId: crypto.randomUUID() })).toMatchObject({
			ok: false,
			code: 'meetings_entry_not_on_agenda'
		});
		expect(await emit(chair, 'meeting:drive', { meetingId: id, action: 'jump' })).toMatchObject({ ok: false, code: 'error_socket_message' });
		// a member checking in for another municipality, by socket
		expect(await emit(member, 'meeting:checkin', { meetingId: id, municipalityId: 'leiden' })).toMatchObject({
			ok: false,
			code: 'meetings_checkin_other_municipality'
		});
		expect(await emit(member, 'meeting:checkin', { meetingId: id, municipalityId: 'oegstgeest' })).toMatchObject({ ok: true });
	});

	it('someone without meeting.read cannot join; an unknown session is refused', async () => {
		const id = await plannedMeeting(t.db, c);
		const outsider = await connectAs(nobody);
		expect(await emit(outsider, 'meeting:join', { meetingId: id })).toMatchObject({ ok: false, code: 'error_forbidden_action' });
		expect(await emit(outsider, 'room:join', { room: `meeting:${id}` })).toMatchObject({ ok: false, code: 'error_forbidden_action' });
		const college = await connectAs(c.collegeLeiden);
		expect(await emit(college, 'meeting:join', { meetingId: crypto.randomUUID() })).toMatchObject({ ok: false, code: 'meetings_not_found' });
		expect(await emit(college, 'meeting:join', { meetingId: id })).toMatchObject({ ok: true });
	});

	it('a participant who reconnects mid-session gets the current entry, timer and tally', async () => {
		const id = await plannedMeeting(t.db, c);
		const chair = await connectAs(c.verkenner);
		await emit(chair, 'meeting:join', { meetingId: id });
		await emit(chair, 'meeting:drive', { meetingId: id, action: 'start' });
		const first = await connectAs(c.kbLeiden);
		const joined = await emit(first, 'meeting:join', { meetingId: id });
		const itemId = joined.data.entries[0].itemId;
		expect(await emit(first, 'meeting:temperature', { meetingId: id, itemId, municipalityId: 'leiden', value: 'neutraal' })).toMatchObject({ ok: true });
		first.close();

		// while away: the chair moves on, the timer runs, Oegstgeest gives its check on the new item
		await rewindTimer(t.db, id, 75);
		const moved = await emit(chair, 'meeting:drive', { meetingId: id, action: 'next' });
		const current = moved.data.entries[1];
		const olga = await connectAs(c.kbOegstgeest);
		await emit(olga, 'meeting:join', { meetingId: id });
		await emit(olga, 'meeting:temperature', { meetingId: id, itemId: current.itemId, municipalityId: 'oegstgeest', value: 'steunt' });
		await rewindTimer(t.db, id, 42);

		const back = await connectAs(c.kbLeiden);
		const res = await emit(back, 'meeting:join', { meetingId: id });
		const s = res.data;
		expect(s.currentEntryId).toBe(current.id);
		expect(s.entries[0].spentSeconds).toBeGreaterThanOrEqual(75);
		// the timer: running since about 42 s ago by the server's clock
		const running = (Date.parse(s.serverNow) - Date.parse(s.timerStartedAt)) / 1000;
		expect(running).toBeGreaterThanOrEqual(42);
		expect(running).toBeLessThan(50);
		expect(s.temperature.filter((x: any) => x.itemId === current.itemId).map((x: any) => [x.municipalityId, x.value])).toEqual([['oegstgeest', 'steunt']]);
		expect(s.temperature.filter((x: any) => x.itemId === itemId).map((x: any) => [x.municipalityId, x.value])).toEqual([['leiden', 'neutraal']]);
		expect(s.seq).toBeGreaterThan(joined.data.seq);
		// and it is in the room again: the next change reaches it
		const live = nextState(back);
		await emit(chair, 'meeting:drive', { meetingId: id, action: 'pause' });
		expect((await live).timerStartedAt).toBeNull();
		await meetings.closeMeeting(t.db, c.verkenner.actor, { meetingId: id }, testOrigin);
	});
});
