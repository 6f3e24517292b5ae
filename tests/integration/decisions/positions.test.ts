import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { positionChanges, positions } from '../../../src/lib/server/db/schema';
import { setPosition, positionMatrix, getItemDecisions } from '../../../src/lib/server/modules/decisions';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { ValidationError } from '../../../src/lib/server/errors';
import { auditOf, newItem, recordPublished, rejection } from '../agenda/helpers';
import { itemWith } from './helpers';

let t: TestDb;
let verkenner: NewUser;
let kbLeiden: NewUser;
let collegeLeiden: NewUser;
let griffieLeiden: NewUser;
let kbOegstgeest: NewUser;
let rec: ReturnType<typeof recordPublished>;

beforeAll(async () => {
	t = await testDb();
	verkenner = await newUser(t.db, [['verkenner', null]]);
	kbLeiden = await newUser(t.db, [['klankbordgroeplid', 'leiden']], { name: 'Kees Klankbord' });
	collegeLeiden = await newUser(t.db, [['collegelid', 'leiden']]);
	griffieLeiden = await newUser(t.db, [['griffie', 'leiden']]);
	kbOegstgeest = await newUser(t.db, [['klankbordgroeplid', 'oegstgeest']]);
});
afterAll(() => destroy(t));
beforeEach(() => (rec = recordPublished()));
afterEach(() => rec.stop());

describe('positions', () => {
	it('sets a position with full history (who, when, from → to, why), an audit row and a live event', async () => {
		const id = await newItem(t.db, verkenner.actor);
		await setPosition(t.db, kbLeiden.actor, { itemId: id, municipalityId: 'leiden', position: 'neutraal' }, testOrigin);
		const res = await setPosition(
			t.db,
			collegeLeiden.actor,
			{
				itemId: id,
				municipalityId: 'leiden',
				position: 'steunt_onder_voorwaarden',
				reasons: 'Mits betaalbaar',
				conditions: 'Kosten naar rato\n\nEvaluatie na een jaar'
			},
			testOrigin
		);
		expect(res).toEqual({ position: 'steunt_onder_voorwaarden', from: 'neutraal', changed: true });
		const [row] = await t.db.select().from(positions).where(eq(positions.itemId, id));
		expect(row.conditions).toEqual(['Kosten naar rato', 'Evaluatie na een jaar']);
		const history = await t.db.select().from(positionChanges).where(eq(positionChanges.itemId, id)).orderBy(positionChanges.changedAt);
		expect(history.map((h) => [h.fromPosition, h.toPosition, h.changedByName])).toEqual([
			[null, 'neutraal', 'Kees Klankbord'],
			['neutraal', 'steunt_onder_voorwaarden', collegeLeiden.name]
		]);
		expect((await auditOf(t.db, id)).filter((a) => a.action === 'position.set')).toHaveLength(2);
		expect(rec.events.filter((e) => e.event === 'decisions:changed').map((e) => e.room)).toContain(`item:${id}`);
		expect(rec.events.filter((e) => e.event === 'decisions:changed').map((e) => e.room)).toContain('agenda');

		const d = await getItemDecisions(t.db, verkenner.actor, id);
		expect(d.positions).toHaveLength(1);
		expect(d.timeline.filter((e) => e.kind === 'position')).toHaveLength(2);
	});

	it('refuses without reasons for onder voorwaarden and bezwaar, nothing stored', async () => {
		const id = await newItem(t.db, verkenner.actor);
		for (const position of ['steunt_onder_voorwaarden', 'bezwaar']) {
			const err = await rejection(setPosition(t.db, kbLeiden.actor, { itemId: id, municipalityId: 'leiden', position, reasons: '  ' }, testOrigin));
			expect(err).toBeInstanceOf(ValidationError);
			expect(err.fields.reasons).toBe('validation_decisions_reasons_required');
		}
		expect(await t.db.select().from(positions).where(eq(positions.itemId, id))).toEqual([]);
		expect(await t.db.select().from(positionChanges).where(eq(positionChanges.itemId, id))).toEqual([]);
	});

	it('only klankbordgroep and college members of that municipality', async () => {
		const id = await newItem(t.db, verkenner.actor);
		for (const who of [kbOegstgeest, griffieLeiden, verkenner]) {
			expect(await rejection(setPosition(t.db, who.actor, { itemId: id, municipalityId: 'leiden', position: 'steunt' }, testOrigin))).toBeInstanceOf(
				ForbiddenError
			);
		}
		expect(await t.db.select().from(positions).where(eq(positions.itemId, id))).toEqual([]);
	});

	it('the matrix groups items by ambition with a consensus summary', async () => {
		const id = await itemWith(t.db, verkenner.actor, ['leiden', 'oegstgeest'], { title: 'Matrixpunt' });
		await setPosition(t.db, kbLeiden.actor, { itemId: id, municipalityId: 'leiden', position: 'steunt' }, testOrigin);
		let m = await positionMatrix(t.db, verkenner.actor);
		let row = m.groups.flatMap((g) => g.items).find((r) => r.id === id)!;
		expect(m.municipalities).toHaveLength(5);
		expect(row.positions.leiden).toBe('steunt');
		expect(row.consensus).toMatchObject({ support: 1, total: 2, level: 'near' });
		await setPosition(t.db, kbOegstgeest.actor, { itemId: id, municipalityId: 'oegstgeest', position: 'steunt' }, testOrigin);
		m = await positionMatrix(t.db, verkenner.actor, { standpunt: 'steunt', gemeente: 'oegstgeest' });
		row = m.groups.flatMap((g) => g.items).find((r) => r.id === id)!;
		expect(row.consensus.level).toBe('consensus');
	});
});
