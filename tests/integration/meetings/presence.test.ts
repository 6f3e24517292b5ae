import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin } from '../../fixtures/factories';
import * as meetings from '../../../src/lib/server/modules/meetings';
import * as comments from '../../../src/lib/server/modules/comments';
import { highlightsOutline } from '../../../src/lib/server/modules/meetings/report/highlights-outline';
import { recordPublished } from '../agenda/helpers';
import { cast, liveMeeting, meetingAudit, plannedMeeting, type Cast } from './helpers';

let t: TestDb;
let c: Cast;
let rec: ReturnType<typeof recordPublished>;

beforeAll(async () => {
	t = await testDb();
	c = await cast(t.db);
});
afterAll(() => destroy(t));
beforeEach(() => (rec = recordPublished()));
afterEach(() => rec.stop());

const stateOf = (id: string) => meetings.meetingState(t.db, c.griffie.actor, id);
const presentIn = async (id: string) => (await stateOf(id)).attendance.map((a) => [a.name, a.municipalityId]);
const checkIns = async (id: string) => (await meetingAudit(t.db, id)).filter((a) => a.action === 'meeting.checked_in');
const say = (who: Cast['kbLeiden'], itemId: string, extra: Record<string, unknown> = {}) =>
	comments.postComment(
		t.db,
		who.actor,
		{ id: randomUUID(), itemId, body: 'Wij steunen dit, mits de raad meebeslist.', visibility: 'shared', ...extra },
		testOrigin
	);

describe('taking part is being present', () => {
	it('a member who gives a temperature check without checking in is present for that municipality, audited, and the highlights name them', async () => {
		const { id, state } = await liveMeeting(t.db, c);
		const itemId = state.entries[0].itemId;
		const s = await meetings.giveTemperature(t.db, c.kbLeiden.actor, { meetingId: id, itemId, municipalityId: 'leiden', value: 'steunt' }, testOrigin);
		expect(s.attendance.map((a) => [a.name, a.municipalityId])).toEqual([['Kees Leiden', 'leiden']]);
		const audit = await checkIns(id);
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ actorUserId: c.kbLeiden.id, details: { userId: c.kbLeiden.id, municipalityId: 'leiden', via: 'temperature' } });
		// The published state (after commit) already has them.
		const last = rec.events.filter((e) => e.room === `meeting:${id}` && e.event === 'meeting:state').at(-1)?.payload as typeof s;
		expect(last.attendance.map((a) => a.name)).toEqual(['Kees Leiden']);

		// A second check changes nothing about attendance and records no second check-in.
		await meetings.giveTemperature(t.db, c.kbLeiden.actor, { meetingId: id, itemId, municipalityId: 'leiden', value: 'neutraal' }, testOrigin);
		expect(await checkIns(id)).toHaveLength(1);

		await meetings.closeMeeting(t.db, c.verkenner.actor, { meetingId: id }, testOrigin);
		const h = await meetings.composeHighlights(t.db, c.griffie.actor, id);
		expect(h.attendance.find((a) => a.municipalityId === 'leiden')?.names).toEqual(['Kees Leiden']);
		const rows = highlightsOutline(h, 'nl').blocks.flatMap((b) => (b.type === 'fields' ? b.rows : []));
		expect(rows).toContainEqual({ label: 'Leiden', value: 'Kees Leiden' });
	});

	it('an earlier check-in stands: giving a check does not move a member to another municipality', async () => {
		const both = await newUser(
			t.db,
			[
				['klankbordgroeplid', 'leiden'],
				['klankbordgroeplid', 'oegstgeest']
			],
			{ name: 'Bea Beide' }
		);
		const { id, state } = await liveMeeting(t.db, c);
		await meetings.checkIn(t.db, both.actor, { meetingId: id, municipalityId: 'leiden' }, testOrigin);
		await meetings.giveTemperature(
			t.db,
			both.actor,
			{ meetingId: id, itemId: state.entries[0].itemId, municipalityId: 'oegstgeest', value: 'steunt' },
			testOrigin
		);
		expect(await presentIn(id)).toEqual([['Bea Beide', 'leiden']]);
		expect(await checkIns(id)).toHaveLength(1);
	});

	it('a member who speaks up on the item in view is present: for their own municipality, or the one of an internal comment', async () => {
		const { id, state } = await liveMeeting(t.db, c);
		const itemId = state.entries[0].itemId;
		const seq = state.seq;
		await say(c.kbOegstgeest, itemId);
		const s = await stateOf(id);
		expect(s.attendance.map((a) => [a.name, a.municipalityId])).toEqual([['Olga Oegstgeest', 'oegstgeest']]);
		expect(s.seq).toBeGreaterThan(seq);
		expect(rec.events.filter((e) => e.room === `meeting:${id}` && e.event === 'meeting:state').at(-1)?.payload).toMatchObject({ seq: s.seq });
		expect((await checkIns(id))[0]).toMatchObject({ actorUserId: c.kbOegstgeest.id, details: { municipalityId: 'oegstgeest', via: 'comment' } });

		await say(c.kbLeiden, itemId, { visibility: 'internal', municipalityId: 'leiden' });
		expect(await presentIn(id)).toEqual([
			['Kees Leiden', 'leiden'],
			['Olga Oegstgeest', 'oegstgeest']
		]);
		// Speaking again records nothing more.
		await say(c.kbLeiden, itemId);
		expect(await checkIns(id)).toHaveLength(2);
	});

	it('not counted: a session that is not live, a comment on another item, someone who is neither invited nor in the klankbordgroep', async () => {
		const planned = await plannedMeeting(t.db, c);
		await say(c.kbOegstgeest, (await stateOf(planned)).entries[0].itemId);
		expect(await presentIn(planned)).toEqual([]);

		const { id, state } = await liveMeeting(t.db, c);
		await say(c.kbLeiden, state.entries[1].itemId);
		const outsider = await newUser(t.db, [['collegelid', 'voorschoten']], { name: 'Niet Uitgenodigd' });
		await say(outsider, state.entries[0].itemId);
		await say(c.griffie, state.entries[0].itemId);
		expect(await presentIn(id)).toEqual([]);

		// An invited college member who speaks up is there.
		await say(c.collegeLeiden, state.entries[0].itemId);
		expect(await presentIn(id)).toEqual([['Carla College', 'leiden']]);
	});
});
