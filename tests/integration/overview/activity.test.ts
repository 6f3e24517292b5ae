/**
 * The start page's overview of the region: what happened lately (from the audit trail: new items, status
 * changes, positions, college and council decisions, progress; successful acts only, old action names under
 * their new ones, no reasons or conditions), what comes next (the next session that is not cancelled, the
 * register's moments and the items' open milestones of the coming six months, the overdue action points by the
 * same rule as *Mijn werk*), who may read it at all, and which domain events make open start pages reload it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { auditEvents, meetingMinutes, meetings } from '../../../src/lib/server/db/schema';
import { transitionItem, updateItemFields } from '../../../src/lib/server/modules/agenda-items';
import { recordCouncilDecision, recordSignOff, reportProgress, setPosition } from '../../../src/lib/server/modules/decisions';
import { myWork } from '../../../src/lib/server/modules/my-work';
import * as register from '../../../src/lib/server/modules/register';
import * as overview from '../../../src/lib/server/modules/overview';
import { event, publish } from '../../../src/lib/server/bus';
import { ForbiddenError, type Actor } from '../../../src/lib/server/permissions';
import type { MeetingState } from '../../../src/lib/meetings/live';
import { readyItem, sessionConfirmed, signInput } from '../decisions/helpers';
import { newItem, recordPublished } from '../agenda/helpers';
import { servicepunt, servicepuntParticipants } from '../register/helpers';
import { addBoardMeeting } from '../register/dashboard-helpers';

const TODAY = '2026-12-06';
const NOW = new Date(`${TODAY}T10:00:00Z`);

let t: TestDb;
let verkenner: NewUser;
let kbLeiden: NewUser;
let collegeLeiden: NewUser;
let collegeOegstgeest: NewUser;
let griffieLeiden: NewUser;
let meelezer: NewUser;

beforeAll(async () => {
	t = await testDb();
	verkenner = await newUser(t.db, [['verkenner', null]], { name: 'Vera Verkenner' });
	kbLeiden = await newUser(t.db, [['klankbordgroeplid', 'leiden']], { name: 'Karel Klankbord' });
	collegeLeiden = await newUser(t.db, [['collegelid', 'leiden']], { name: 'Wethouder Leiden' });
	collegeOegstgeest = await newUser(t.db, [['collegelid', 'oegstgeest']], { name: 'Wethouder Oegstgeest' });
	griffieLeiden = await newUser(t.db, [['griffie', 'leiden']], { name: 'Griffier Leiden' });
	meelezer = await newUser(t.db, [['meelezer', 'voorschoten']], { name: 'Mia Meelezer' });
});
afterAll(() => destroy(t));

describe('recent activity', () => {
	it('tells an item’s life newest first: created, discussed, a position, both colleges, adopted, the council, execution and progress', async () => {
		const { id, frozen } = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
		await setPosition(
			t.db,
			kbLeiden.actor,
			{
				itemId: id,
				municipalityId: 'leiden',
				position: 'steunt_onder_voorwaarden',
				reasons: 'Alleen met een geheime voorwaarde',
				conditions: ['Geheime voorwaarde']
			},
			testOrigin
		);
		await recordSignOff(t.db, collegeLeiden.actor, sessionConfirmed(), signInput(id, 'leiden', frozen), testOrigin);
		await recordSignOff(
			t.db,
			collegeOegstgeest.actor,
			sessionConfirmed(),
			signInput(id, 'oegstgeest', frozen, { decision: 'akkoord_onder_voorwaarden', conditions: ['Jaarlijkse evaluatie'] }),
			testOrigin
		);
		await recordCouncilDecision(
			t.db,
			griffieLeiden.actor,
			{
				itemId: id,
				municipalityId: 'leiden',
				meetingDate: '2026-02-01',
				outcome: 'wensen_en_bedenkingen',
				wensenEnBedenkingen: 'Een wens',
				kenmerk: 'RB/26/1'
			},
			testOrigin
		);
		await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'vastgesteld', to: 'in_uitvoering' }, testOrigin);
		await reportProgress(t.db, verkenner.actor, { itemId: id, percent: 40, note: 'Eerste fase klaar' }, testOrigin);

		const mine = (await overview.recentActivity(t.db, meelezer.actor, 50)).filter((e) => e.itemId === id);
		expect(mine.map((e) => [e.action, e.value, e.municipalityId])).toEqual([
			['item.progress_reported', '40', null],
			['item.status_changed', 'in_uitvoering', null],
			['council_decision.recorded', 'wensen_en_bedenkingen', 'leiden'],
			['item.status_changed', 'vastgesteld', null],
			['signoff.recorded', 'akkoord_onder_voorwaarden', 'oegstgeest'],
			['signoff.recorded', 'akkoord', 'leiden'],
			['position.set', 'steunt_onder_voorwaarden', 'leiden'],
			['item.status_changed', 'gereed_voor_besluitvorming', null],
			['item.status_changed', 'in_bespreking', null],
			['item.created', null, null]
		]);
		expect(mine[1]).toMatchObject({ from: 'vastgesteld', actorName: 'Vera Verkenner', itemTitle: 'Regionale woningbouwversnelling' });
		expect(mine[4].actorName).toBe('Wethouder Oegstgeest');
		expect(mine[6].actorName).toBe('Karel Klankbord');
		expect(mine.every((e, i) => i === 0 || e.at.getTime() <= mine[i - 1].at.getTime())).toBe(true);
		// Conditions, reasons and notes stay on the item page.
		expect(JSON.stringify(mine)).not.toMatch(/geheime|Jaarlijkse evaluatie|Een wens|Eerste fase|RB\/26/i);
	});

	it('tells a position with its municipality, without its reasons, and leaves out refused attempts and other objects', async () => {
		const id = await newItem(t.db, verkenner.actor, { title: 'Fietsroutes', ambitionId: 2 });
		await updateItemFields(t.db, verkenner.actor, { itemId: id, revision: 1, participants: [{ municipalityId: 'leiden' }] }, testOrigin);
		await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'concept', to: 'in_bespreking' }, testOrigin);
		await setPosition(
			t.db,
			kbLeiden.actor,
			{ itemId: id, municipalityId: 'leiden', position: 'bezwaar', reasons: 'Te duur voor de binnenstad', conditions: [] },
			testOrigin
		);
		await t.db.insert(auditEvents).values([
			{
				actorLabel: 'Iemand',
				action: 'item.status_changed',
				objectType: 'agenda_item',
				objectId: id,
				result: 'denied',
				details: { from: 'in_bespreking', to: 'afgerond' }
			},
			{ actorLabel: 'Oud', action: 'item.create', objectType: 'agenda_item', objectId: id, result: 'success', details: { title: 'Fietsroutes' } },
			{ actorLabel: 'Karel Klankbord', action: 'comment.posted', objectType: 'agenda_item', objectId: id, result: 'success', details: {} }
		]);
		const mine = (await overview.recentActivity(t.db, meelezer.actor, 50)).filter((e) => e.itemId === id);
		expect(mine.map((e) => [e.action, e.actorName, e.value, e.municipalityId])).toEqual([
			// An old row's name (item.create) is told under today's.
			['item.created', 'Oud', null, null],
			['position.set', 'Karel Klankbord', 'bezwaar', 'leiden'],
			['item.status_changed', 'Vera Verkenner', 'in_bespreking', null],
			['item.created', 'Vera Verkenner', null, null]
		]);
		expect(JSON.stringify(mine)).not.toContain('Te duur');
		expect((await overview.recentActivity(t.db, meelezer.actor)).length).toBe(overview.ACTIVITY_SHOWN);
	});
});

describe('what comes next', () => {
	let withMilestones: string;
	let collaborationId: string;

	beforeAll(async () => {
		withMilestones = await newItem(t.db, verkenner.actor, { title: 'Regionale mobiliteitsvisie', ambitionId: 3 });
		await updateItemFields(
			t.db,
			verkenner.actor,
			{
				itemId: withMilestones,
				revision: 1,
				milestones: [
					{ title: 'Verkenning klaar', dueDate: '2026-12-20' },
					{ title: 'Al gedaan', dueDate: '2026-12-21', done: true },
					{ title: 'Te ver weg', dueDate: '2027-07-01' },
					{ title: 'Al voorbij', dueDate: '2026-12-01' }
				]
			},
			testOrigin
		);
		({ id: collaborationId } = await register.createCollaboration(t.db, verkenner.actor, servicepunt({ documents: [] }), testOrigin));
		await register.setParticipants(t.db, verkenner.actor, { collaborationId, ...servicepuntParticipants }, testOrigin);
		for (const municipalityId of ['oegstgeest', 'leiden'])
			await register.addMoment(
				t.db,
				verkenner.actor,
				{ collaborationId, kind: 'zienswijze', on: '2027-01-15', municipalityId, note: 'Begroting 2028' },
				testOrigin
			);
		await register.addMoment(t.db, verkenner.actor, { collaborationId, kind: 'jaarrekening', on: '2027-08-01' }, testOrigin);
		await addBoardMeeting(t.db, collaborationId, 'ab', '2027-02-01', 'AB februari');

		const meeting = (title: string, startsAt: string, status: string) => ({
			id: randomUUID(),
			title,
			startsAt: new Date(startsAt),
			endsAt: new Date(new Date(startsAt).getTime() + 2 * 3_600_000),
			status,
			createdBy: verkenner.id
		});
		const held = meeting('Klankbordgroep november', '2026-11-10T13:00:00Z', 'afgesloten');
		await t.db
			.insert(meetings)
			.values([
				held,
				meeting('Afgelast overleg', '2026-12-08T13:00:00Z', 'geannuleerd'),
				meeting('Klankbordgroep januari', '2027-01-12T13:00:00Z', 'gepland')
			] as never);
		const minute = (body: string, kind: string, dueOn: string | null, deletedAt: Date | null = null) => ({
			id: randomUUID(),
			meetingId: held.id,
			kind,
			body,
			ownerName: 'Iemand Anders',
			dueOn,
			createdByName: 'Vera Verkenner',
			deletedAt
		});
		await t.db
			.insert(meetingMinutes)
			.values([
				minute('Notitie rondsturen', 'actiepunt', '2026-11-20'),
				minute('Lang geleden', 'actiepunt', '2026-05-01'),
				minute('Doorgehaald', 'actiepunt', '2026-11-21', new Date()),
				minute('Nog niet aan de beurt', 'actiepunt', '2026-12-10'),
				minute('Een besluit', 'besluit', '2026-11-20')
			]);
	});

	it('names the next session that is not cancelled', async () => {
		const next = await overview.comingUp(t.db, meelezer.actor, TODAY, NOW);
		expect(next.session?.title).toBe('Klankbordgroep januari');
	});

	it('lists the register’s moments and board meetings and the open milestones of the coming six months, by date, a deadline for several councils once', async () => {
		const next = await overview.comingUp(t.db, meelezer.actor, TODAY, NOW);
		expect(next.until).toBe('2027-06-06');
		expect(next.moments.map((m) => [m.on, m.source, m.title])).toEqual([
			['2026-12-20', 'milestone', 'Verkenning klaar'],
			['2027-01-15', 'cycle', 'Servicepunt71'],
			['2027-02-01', 'board', 'Servicepunt71']
		]);
		expect(next.moments[0]).toMatchObject({ href: `/agenda/${withMilestones}#kop-planning`, context: 'Regionale mobiliteitsvisie' });
		expect(next.moments[1]).toMatchObject({ kind: 'zienswijze', context: 'Begroting 2028', href: `/samenwerkingen/${collaborationId}` });
		expect(next.moments[1].municipalityIds.sort()).toEqual(['leiden', 'oegstgeest']);
		expect(next.moments[2].municipalityIds).toEqual([]);
		expect(next.momentsTotal).toBe(3);
	});

	it('lists the action points whose due date passed in the last six months, by the rule of Mijn werk', async () => {
		const next = await overview.comingUp(t.db, meelezer.actor, TODAY, NOW);
		expect(next.overdueActionPoints.map((a) => [a.body, a.dueOn, a.ownerName, a.meetingTitle])).toEqual([
			['Notitie rondsturen', '2026-11-20', 'Iemand Anders', 'Klankbordgroep november']
		]);
		// The same rows the owner finds among their own action points.
		const owner = await newUser(t.db, [['klankbordgroeplid', 'leiden']], { name: 'Iemand Anders' });
		const own = (await myWork(t.db, owner.actor)).actionPoints;
		const { ownerName, ...point } = next.overdueActionPoints[0];
		expect(ownerName).toBe('Iemand Anders');
		expect(own).toContainEqual(point);
		expect(own.map((a) => a.body)).not.toContain('Doorgehaald');
	});
});

describe('who may read it', () => {
	const nobody: Actor = { userId: randomUUID(), name: 'Zonder rol', grants: [] };

	it('refuses an account without a role, and no account, every part of it', async () => {
		for (const who of [nobody, null]) {
			await expect(overview.regionOverview(t.db, who)).rejects.toBeInstanceOf(ForbiddenError);
			await expect(overview.ambitionFigures(t.db, who)).rejects.toBeInstanceOf(ForbiddenError);
			await expect(overview.costFigures(t.db, who)).rejects.toBeInstanceOf(ForbiddenError);
			await expect(overview.decisionProgress(t.db, who)).rejects.toBeInstanceOf(ForbiddenError);
			await expect(overview.comingUp(t.db, who, TODAY)).rejects.toBeInstanceOf(ForbiddenError);
			await expect(overview.recentActivity(t.db, who)).rejects.toBeInstanceOf(ForbiddenError);
		}
	});

	it('shows every role that reads items the same region', async () => {
		const seen = await overview.regionOverview(t.db, meelezer.actor, NOW);
		for (const who of [verkenner, kbLeiden, collegeLeiden, griffieLeiden]) {
			const theirs = await overview.regionOverview(t.db, who.actor, NOW);
			expect(theirs.ambitions).toEqual(seen.ambitions);
			expect(theirs.activity).toEqual(seen.activity);
		}
	});
});

describe('open start pages reload it', () => {
	it('hear overview:changed in the region room for item, decision, session and register changes, not for a running session’s moves', async () => {
		const live = recordPublished(t.db);
		try {
			const heard = () => live.events.filter((e) => e.room === 'region' && e.event === 'overview:changed').length;
			const id = await newItem(t.db, verkenner.actor, { title: 'Live activiteit' });
			expect(heard()).toBe(1);
			await updateItemFields(t.db, verkenner.actor, { itemId: id, revision: 1, costEstimateCents: 50_000 }, testOrigin);
			expect(heard()).toBe(2);
			await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'concept', to: 'in_bespreking' }, testOrigin);
			expect(heard()).toBe(3);
			const state = (status: string) => ({ meetingId: randomUUID(), status }) as unknown as MeetingState;
			await publish([event('meeting.changed', { state: state('live') })]);
			expect(heard()).toBe(3);
			await publish([event('meeting.changed', { state: state('geannuleerd') }), event('meeting.planned', { meetingId: randomUUID(), invitees: [], by: null })]);
			expect(heard()).toBe(5);
			const change = (part: 'moments' | 'comments') =>
				event('collaboration.changed', { collaborationId: randomUUID(), seq: 1, part, municipalityId: null, by: null });
			await publish([change('comments')]);
			expect(heard()).toBe(5);
			await publish([change('moments')]);
			expect(heard()).toBe(6);
			expect(live.events.find((e) => e.event === 'overview:changed')?.payload).toEqual({});
		} finally {
			live.stop();
		}
	});
});
