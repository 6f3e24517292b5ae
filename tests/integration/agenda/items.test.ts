import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { agendaItemMilestones, agendaItemParticipants, agendaItemVersions, agendaItems } from '../../../src/lib/server/db/schema';
import { AgendaConflictError, createItem, getItem, updateItemFields } from '../../../src/lib/server/modules/agenda-items';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { ValidationError } from '../../../src/lib/server/errors';
import { auditOf, newItem, recordPublished, rejection } from './helpers';

let t: TestDb;
let verkenner: NewUser;
let klankbord: NewUser;
let college: NewUser;
let nobody: NewUser;
let rec: ReturnType<typeof recordPublished>;

beforeAll(async () => {
	t = await testDb();
	verkenner = await newUser(t.db, [['verkenner', null]], { name: 'Vera Verkenner' });
	klankbord = await newUser(t.db, [['klankbordgroeplid', 'oegstgeest']], { name: 'Karel Klankbord' });
	college = await newUser(t.db, [['collegelid', 'leiden']]);
	nobody = await newUser(t.db, []);
});
afterAll(() => destroy(t));
beforeEach(() => (rec = recordPublished()));
afterEach(() => rec.stop());

const count = async (table: typeof agendaItems) => (await t.db.select().from(table)).length;

describe('creating an agenda item', () => {
	it('creates a concept with the trekker taking part, one audit row, and tells the overview', async () => {
		const id = await newItem(t.db, verkenner.actor, { summary: 'Samen 10.000 woningen', horizon: 'na_verkiezingen' });
		const [row] = await t.db.select().from(agendaItems).where(eq(agendaItems.id, id));
		expect(row).toMatchObject({ status: 'concept', horizon: 'na_verkiezingen', trekkerId: 'leiden', revision: 1, seq: 1 });
		const parts = await t.db.select().from(agendaItemParticipants).where(eq(agendaItemParticipants.itemId, id));
		expect(parts.map((p) => p.municipalityId)).toEqual(['leiden']);
		const audit = await auditOf(t.db, id);
		expect(audit.map((a) => [a.action, a.actorUserId, a.result])).toEqual([['item.created', verkenner.id, 'success']]);
		expect(audit[0].ip).toBe(testOrigin.ip);
		expect(rec.events.map((e) => [e.room, e.event, e.payload.kind])).toEqual([
			[`item:${id}`, 'item:changed', 'created'],
			['agenda', 'agenda:item', 'created'],
			// The start page's overview of the region (no data: every connection hears it).
			['region', 'overview:changed', undefined]
		]);
	});

	it('refuses a klankbordgroeplid, a college member and someone without a role, storing nothing', async () => {
		const before = await count(agendaItems);
		for (const who of [klankbord, college, nobody]) {
			expect(await rejection(newItem(t.db, who.actor))).toBeInstanceOf(ForbiddenError);
		}
		expect(await rejection(createItem(t.db, null, { ambitionId: 1, title: 'x', horizon: 'voor_verkiezingen' }, testOrigin))).toBeInstanceOf(ForbiddenError);
		expect(await count(agendaItems)).toBe(before);
		expect(rec.events).toEqual([]);
	});

	it('refuses an empty title, a 500-character title and an unknown ambition, with field errors', async () => {
		const before = await count(agendaItems);
		expect((await rejection(newItem(t.db, verkenner.actor, { title: '' }))).fields).toEqual({ title: 'validation_agenda_title_required' });
		expect((await rejection(newItem(t.db, verkenner.actor, { title: 'x'.repeat(500) }))).fields).toEqual({
			title: 'validation_agenda_title_too_long'
		});
		const unknown = await rejection(newItem(t.db, verkenner.actor, { ambitionId: 99 }));
		expect(unknown).toBeInstanceOf(ValidationError);
		expect(unknown.fields).toEqual({ ambitionId: 'validation_agenda_ambition_unknown' });
		expect(await count(agendaItems)).toBe(before);
	});
});

describe('changing structured fields', () => {
	it('updates fields, bumps revision and seq, audits the change and publishes it', async () => {
		const id = await newItem(t.db, verkenner.actor);
		rec.events.length = 0;
		const res = await updateItemFields(
			t.db,
			klankbord.actor,
			{
				itemId: id,
				revision: 1,
				title: 'Woningbouw in de Leidse regio',
				startDate: '2026-01-01',
				endDate: '2027-12-31',
				milestones: [{ title: 'Startbijeenkomst', dueDate: '2026-02-01', done: true }],
				participants: [{ municipalityId: 'leiden' }, { municipalityId: 'oegstgeest' }],
				costEstimateCents: 40_000_000,
				contributions: [{ label: 'Provincie Zuid-Holland', amountCents: 10_000_000 }],
				tags: ['Wonen', 'wonen', 'Groen'],
				people: [verkenner.id]
			},
			testOrigin
		);
		expect(res.revision).toBe(2);
		expect(res.changed.sort()).toEqual(
			['contributions', 'costEstimateCents', 'endDate', 'milestones', 'participants', 'people', 'startDate', 'tags', 'title'].sort()
		);
		const detail = await getItem(t.db, verkenner.actor, id);
		expect(detail.item).toMatchObject({ title: 'Woningbouw in de Leidse regio', revision: 2, seq: 2, tags: ['wonen', 'groen'] });
		expect(detail.item.participants.map((p) => p.municipalityId)).toEqual(['leiden', 'oegstgeest']);
		expect(detail.people).toEqual([{ id: verkenner.id, name: 'Vera Verkenner' }]);
		expect(detail.costs.ok && detail.costs.split.shares.reduce((s, x) => s + x.cents, 0)).toBe(30_000_000);
		expect(detail.pendingContributors.map((c) => c.userId).sort()).toEqual([verkenner.id, klankbord.id].sort());

		const audit = await auditOf(t.db, id);
		expect(audit.at(-1)).toMatchObject({ action: 'item.updated', actorUserId: klankbord.id, result: 'success' });
		expect(audit.at(-1)!.details).toMatchObject({
			revision: 2,
			changes: { title: { from: 'Regionale woningbouwversnelling', to: 'Woningbouw in de Leidse regio' } }
		});
		expect(rec.events[0]).toMatchObject({ room: `item:${id}`, event: 'item:changed', payload: { kind: 'fields', seq: 2, revision: 2 } });
	});

	it('refuses a stale revision with the current values, storing nothing (nobody loses a change silently)', async () => {
		const id = await newItem(t.db, verkenner.actor);
		await updateItemFields(t.db, verkenner.actor, { itemId: id, revision: 1, title: 'Eerste wijziging' }, testOrigin);
		const err = await rejection(updateItemFields(t.db, klankbord.actor, { itemId: id, revision: 1, title: 'Tweede wijziging' }, testOrigin));
		expect(err).toBeInstanceOf(AgendaConflictError);
		expect(err.status).toBe(409);
		expect(err.key).toBe('agenda_conflict');
		expect(err.current).toMatchObject({ title: 'Eerste wijziging', revision: 2 });
		const [row] = await t.db.select().from(agendaItems).where(eq(agendaItems.id, id));
		expect(row.title).toBe('Eerste wijziging');
		expect((await auditOf(t.db, id)).map((a) => a.action)).toEqual(['item.created', 'item.updated']);
	});

	it('lets exactly one of two truly concurrent edits of the same revision through', async () => {
		const id = await newItem(t.db, verkenner.actor);
		const results = await Promise.allSettled([
			updateItemFields(t.db, verkenner.actor, { itemId: id, revision: 1, summary: 'A' }, testOrigin),
			updateItemFields(t.db, klankbord.actor, { itemId: id, revision: 1, summary: 'B' }, testOrigin)
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(refused.reason).toBeInstanceOf(AgendaConflictError);
	});

	it('refuses a milestone after the end date, end before start, and percentages that do not add up to 100', async () => {
		const id = await newItem(t.db, verkenner.actor);
		const late = await rejection(
			updateItemFields(
				t.db,
				verkenner.actor,
				{ itemId: id, revision: 1, endDate: '2026-06-30', milestones: [{ title: 'Te laat', dueDate: '2026-07-01' }] },
				testOrigin
			)
		);
		expect(late.fields).toEqual({ 'milestones.0.dueDate': 'validation_agenda_milestone_after_end' });
		const order = await rejection(
			updateItemFields(t.db, verkenner.actor, { itemId: id, revision: 1, startDate: '2026-06-30', endDate: '2026-01-01' }, testOrigin)
		);
		expect(order.fields).toEqual({ endDate: 'validation_agenda_end_before_start' });
		await updateItemFields(
			t.db,
			verkenner.actor,
			{ itemId: id, revision: 1, participants: [{ municipalityId: 'leiden' }, { municipalityId: 'zoeterwoude' }] },
			testOrigin
		);
		const pct = await rejection(
			updateItemFields(
				t.db,
				verkenner.actor,
				{
					itemId: id,
					revision: 2,
					verdeelsleutel: 'maatwerk',
					costEstimateCents: 100_000,
					shares: [
						{ municipalityId: 'leiden', customShareBp: 6000 },
						{ municipalityId: 'zoeterwoude', customShareBp: 3000 }
					]
				},
				testOrigin
			)
		);
		expect(pct.fields).toEqual({ shares: 'validation_agenda_percentages_sum' });
		const ext = await rejection(
			updateItemFields(
				t.db,
				verkenner.actor,
				{ itemId: id, revision: 2, costEstimateCents: 1000, contributions: [{ label: 'Provincie', amountCents: 1000 }] },
				testOrigin
			)
		);
		expect(ext.fields).toEqual({ contributions: 'validation_agenda_external_exceeds_total' });
		const [row] = await t.db.select().from(agendaItems).where(eq(agendaItems.id, id));
		expect(row).toMatchObject({ revision: 2, verdeelsleutel: 'inwoners', costEstimateCents: 0, endDate: null });
		expect(await t.db.select().from(agendaItemMilestones).where(eq(agendaItemMilestones.itemId, id))).toEqual([]);
	});

	it('stores custom percentages that add up to 100', async () => {
		const id = await newItem(t.db, verkenner.actor);
		await updateItemFields(
			t.db,
			verkenner.actor,
			{
				itemId: id,
				revision: 1,
				participants: [{ municipalityId: 'leiden' }, { municipalityId: 'voorschoten' }],
				verdeelsleutel: 'maatwerk',
				costEstimateCents: 100_001,
				shares: [
					{ municipalityId: 'leiden', customShareBp: 7500 },
					{ municipalityId: 'voorschoten', customShareBp: 2500 }
				]
			},
			testOrigin
		);
		const { costs } = await getItem(t.db, verkenner.actor, id);
		expect(costs.ok && costs.split.shares.map((s) => s.cents)).toEqual([75_001, 25_000]);
	});

	it('keeps the trekker among the participants', async () => {
		const id = await newItem(t.db, verkenner.actor);
		const err = await rejection(
			updateItemFields(t.db, verkenner.actor, { itemId: id, revision: 1, participants: [{ municipalityId: 'oegstgeest' }] }, testOrigin)
		);
		expect(err.fields).toEqual({ participants: 'validation_agenda_trekker_must_take_part' });
		await updateItemFields(t.db, verkenner.actor, { itemId: id, revision: 1, trekkerId: 'zoeterwoude' }, testOrigin);
		const { item } = await getItem(t.db, verkenner.actor, id);
		expect(item.participants.map((p) => p.municipalityId)).toEqual(['leiden', 'zoeterwoude']);
	});

	it('refuses editors without the right and unknown people, storing nothing', async () => {
		const id = await newItem(t.db, verkenner.actor);
		for (const who of [college, nobody]) {
			expect(await rejection(updateItemFields(t.db, who.actor, { itemId: id, revision: 1, title: 'Niet van mij' }, testOrigin))).toBeInstanceOf(ForbiddenError);
		}
		const err = await rejection(
			updateItemFields(t.db, verkenner.actor, { itemId: id, revision: 1, people: ['00000000-0000-4000-8000-000000000099'] }, testOrigin)
		);
		expect(err.fields).toEqual({ people: 'validation_agenda_person_unknown' });
		const [row] = await t.db.select().from(agendaItems).where(eq(agendaItems.id, id));
		expect(row).toMatchObject({ title: 'Regionale woningbouwversnelling', revision: 1 });
		expect(await t.db.select().from(agendaItemVersions).where(eq(agendaItemVersions.itemId, id))).toEqual([]);
	});

	it('does nothing (no revision, no audit) when nothing really changes', async () => {
		const id = await newItem(t.db, verkenner.actor);
		const res = await updateItemFields(t.db, verkenner.actor, { itemId: id, revision: 1, title: 'Regionale woningbouwversnelling' }, testOrigin);
		expect(res).toEqual({ revision: 1, changed: [] });
		expect((await auditOf(t.db, id)).map((a) => a.action)).toEqual(['item.created']);
	});
});
