/**
 * What awaits whom: each role's lists on the start page follow the state of the items, only for the
 * municipalities the person acts for, and the navigation's count is the same lists counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { meetingMinutes, meetings } from '../../../src/lib/server/db/schema';
import { reopenItem, transitionItem } from '../../../src/lib/server/modules/agenda-items';
import { recordCouncilDecision, recordSignOff, setPosition } from '../../../src/lib/server/modules/decisions';
import { myWork, myWorkCount } from '../../../src/lib/server/modules/my-work';
import { itemWith, readyItem, sessionConfirmed, signInput } from '../decisions/helpers';

let t: TestDb;
let verkenner: NewUser;
let collegeLeiden: NewUser;
let collegeOegstgeest: NewUser;
let collegeVoorschoten: NewUser;
let griffieLeiden: NewUser;
let griffieVoorschoten: NewUser;
let kbLeiden: NewUser;
let kbVoorschoten: NewUser;

beforeAll(async () => {
	t = await testDb();
	verkenner = await newUser(t.db, [['verkenner', null]], { name: 'Vera Verkenner' });
	collegeLeiden = await newUser(t.db, [['collegelid', 'leiden']], { name: 'Wethouder Leiden' });
	collegeOegstgeest = await newUser(t.db, [['collegelid', 'oegstgeest']], { name: 'Wethouder Oegstgeest' });
	collegeVoorschoten = await newUser(t.db, [['collegelid', 'voorschoten']]);
	griffieLeiden = await newUser(t.db, [['griffie', 'leiden']]);
	griffieVoorschoten = await newUser(t.db, [['griffie', 'voorschoten']]);
	kbLeiden = await newUser(t.db, [['klankbordgroeplid', 'leiden']], { name: 'Karel Klankbord' });
	kbVoorschoten = await newUser(t.db, [['klankbordgroeplid', 'voorschoten']]);
});
afterAll(() => destroy(t));

const ids = (list: { itemId: string }[]) => list.map((x) => x.itemId);

describe('what awaits a college', () => {
	it('an item up for decision awaits each participating college until it decided; voided decisions show with why', async () => {
		const { id, frozen } = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
		expect(ids((await myWork(t.db, collegeLeiden.actor)).decide)).toContain(id);
		expect(ids((await myWork(t.db, collegeVoorschoten.actor)).decide)).not.toContain(id);
		const before = await myWorkCount(t.db, collegeLeiden.actor);

		await recordSignOff(t.db, collegeLeiden.actor, sessionConfirmed(), signInput(id, 'leiden', frozen), testOrigin);
		expect(ids((await myWork(t.db, collegeLeiden.actor)).decide)).not.toContain(id);
		expect(await myWorkCount(t.db, collegeLeiden.actor)).toBe(before - 1);
		expect(ids((await myWork(t.db, collegeOegstgeest.actor)).decide)).toContain(id);

		await reopenItem(t.db, verkenner.actor, { itemId: id, from: 'gereed_voor_besluitvorming', reason: 'Andere kostenverdeling' }, testOrigin);
		const leiden = await myWork(t.db, collegeLeiden.actor);
		expect(leiden.decide.map((x) => x.itemId)).not.toContain(id);
		expect(leiden.voided.find((v) => v.itemId === id)).toMatchObject({
			municipalityId: 'leiden',
			version: frozen.number,
			reason: 'reopened',
			byName: 'Vera Verkenner'
		});
		// Oegstgeest had not decided: nothing of theirs was voided.
		expect(ids((await myWork(t.db, collegeOegstgeest.actor)).voided)).not.toContain(id);
	});
});

describe('what awaits a griffie', () => {
	it('an adopted item awaits the council follow-up of each participating municipality until it is recorded', async () => {
		const { id, frozen } = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
		await recordSignOff(t.db, collegeLeiden.actor, sessionConfirmed(), signInput(id, 'leiden', frozen), testOrigin);
		expect(ids((await myWork(t.db, griffieLeiden.actor)).council)).not.toContain(id);
		await recordSignOff(t.db, collegeOegstgeest.actor, sessionConfirmed(), signInput(id, 'oegstgeest', frozen), testOrigin);
		expect(ids((await myWork(t.db, griffieLeiden.actor)).council)).toContain(id);
		expect(ids((await myWork(t.db, griffieVoorschoten.actor)).council)).not.toContain(id);
		await recordCouncilDecision(
			t.db,
			griffieLeiden.actor,
			{ itemId: id, municipalityId: 'leiden', meetingDate: '2026-02-01', outcome: 'ingestemd', kenmerk: 'RB/26/1' },
			testOrigin
		);
		expect(ids((await myWork(t.db, griffieLeiden.actor)).council)).not.toContain(id);
	});
});

describe('what awaits a klankbordgroep member', () => {
	it('an item in bespreking awaits the position of each participating municipality; "nog geen standpunt" is none', async () => {
		const id = await itemWith(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
		expect(ids((await myWork(t.db, kbLeiden.actor)).position)).not.toContain(id);
		await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'concept', to: 'in_bespreking' }, testOrigin);
		expect(ids((await myWork(t.db, kbLeiden.actor)).position)).toContain(id);
		expect(ids((await myWork(t.db, kbVoorschoten.actor)).position)).not.toContain(id);
		await setPosition(t.db, kbLeiden.actor, { itemId: id, municipalityId: 'leiden', position: 'nog_geen_standpunt' }, testOrigin);
		expect(ids((await myWork(t.db, kbLeiden.actor)).position)).toContain(id);
		await setPosition(t.db, kbLeiden.actor, { itemId: id, municipalityId: 'leiden', position: 'steunt' }, testOrigin);
		expect(ids((await myWork(t.db, kbLeiden.actor)).position)).not.toContain(id);
	});

	it('lists their open action points from sessions, soonest first', async () => {
		const meetingId = randomUUID();
		await t.db.insert(meetings).values({
			id: meetingId,
			title: 'Klankbordgroep januari',
			startsAt: new Date('2027-01-12T13:00:00Z'),
			endsAt: new Date('2027-01-12T15:00:00Z'),
			createdBy: verkenner.id
		} as never);
		const minute = (body: string, ownerName: string, dueOn: string | null) => ({
			id: randomUUID(),
			meetingId,
			kind: 'actiepunt',
			body,
			ownerName,
			dueOn,
			createdByName: 'Vera Verkenner'
		});
		await t.db
			.insert(meetingMinutes)
			.values([
				minute('Later', 'Karel Klankbord', '2027-03-01'),
				minute('Eerst', 'karel klankbord ', '2027-02-01'),
				minute('Van een ander', 'Iemand Anders', '2027-01-20')
			]);
		const work = await myWork(t.db, kbLeiden.actor);
		expect(work.actionPoints.map((a) => a.body)).toEqual(['Eerst', 'Later']);
		expect(work.actionPoints[0]).toMatchObject({ meetingTitle: 'Klankbordgroep januari', dueOn: '2027-02-01' });
	});
});

describe('what the verkenner sees stuck', () => {
	it('each item with the municipalities it waits for', async () => {
		const { id } = await readyItem(t.db, verkenner.actor, ['leiden', 'voorschoten']);
		const stuck = (await myWork(t.db, verkenner.actor)).stuck.find((s) => s.itemId === id);
		expect(stuck).toMatchObject({ status: 'gereed_voor_besluitvorming', waitingFor: ['leiden', 'voorschoten'] });
		expect(stuck?.since).toBeInstanceOf(Date);
	});

	it('someone without a role gets nothing', async () => {
		const nobody = await newUser(t.db, []);
		await expect(myWork(t.db, nobody.actor)).rejects.toThrow();
	});
});
